// The manifest reader against a schema that uses every kind of field: each shape of
// YAML a bottle can put where the schema wants another, and each rule of the schema
// (required, optional, renamed, removed, unique, together, hosts), pinned to the exact
// message and position a bottle writer sees.
#include <catch2/catch.hpp>

#include <fmt/format.h>

#include "runtime/input/manifest_reader.hpp"
#include "runtime/input/yaml_tree.hpp"
#include "tests/policy_test_support.hpp"

using namespace policyc;

namespace {

constexpr const char* kSchema = R"(record Route {
  host: hostname hosts(metadata: refuse, others: allow)
  role: string?
}
record Tls {
  cert: path?
  key: path?
  together(cert, key)
}
manifest bottle {
  name: string
  strict: bool = false
  retries: int = 0
  mode: enum("block", "warn") = "block"
  routes: list<Route> = [] unique(role)
  mirrors: map<hostname> = {} hosts(private: warn)
  extra: list<hostname?> = []
  tls: Tls = {}
  note: string?
  renamed old_name -> note
  renamed older_name -> note
  removed legacy "legacy is gone; use 'routes'"
}
set allowlist: hostname
output pipelock {
  mode = "strict"
  api_allowlist = allowlist
}
)";

// "LINE:COL: CODE message" for each diagnostic, in source order, and its notes' lines.
std::string read_bottle(const std::string& yaml) {
  auto policy = testing::check_files({{"main.policy", kSchema}});
  REQUIRE(policy->rendered() == "");
  SourceManager& sources = policy->sources;
  DiagnosticSink diags;
  const FileId file = sources.add("bottle.yaml", yaml);
  auto tree = load_yaml_tree(sources, file, diags);
  REQUIRE(tree != nullptr);
  read_manifest(*tree, *policy->program->manifest, sources, diags);
  std::string out;
  for (const Diagnostic& d : diags.sorted()) {
    const LineCol at = sources.file(d.range.file).line_col(d.range.begin);
    out += fmt::format("{}:{}: {} {}\n", at.line, at.column, d.code, d.message);
    for (const DiagnosticNote& note : d.notes) {
      const LineCol n = sources.file(note.range.file).line_col(note.range.begin);
      out += fmt::format("  note {}: {}\n", n.line, note.message);
    }
  }
  return out;
}

}  // namespace

TEST_CASE("manifest reader: a bottle that gives every field its right shape reads without a word") {
  CHECK(read_bottle("name: a\nstrict: true\nretries: 3\nmode: warn\n"
                    "routes:\n  - host: api.example.com\n    role: r\n"
                    "mirrors: {pypi: pypi.example.com}\nextra: [~, '', x.example.com]\n"
                    "tls: {cert: /c.pem, key: /k.pem}\nnote: hi\n") == "");
}

TEST_CASE("manifest reader: the whole manifest or a record given as something else than a mapping") {
  CHECK(read_bottle("- a\n") ==
        "1:1: E0313 the manifest must be a mapping (KEY: value), got a list\n");
  CHECK(read_bottle("name: a\ntls: [x]\n") ==
        "2:6: E0313 'tls' must be a mapping (KEY: value), got a list\n");
}

TEST_CASE("manifest reader: a list or a map given as a scalar names what the field holds") {
  CHECK(read_bottle("name: a\nextra: x.example.com\n") ==
        "2:8: E0313 'extra' must be a list of hostname?, got a scalar\n");
  CHECK(read_bottle("name: a\nmirrors: [a.example.com]\n") ==
        "2:10: E0313 'mirrors' must be a mapping of names to hostname, got a list\n");
}

TEST_CASE("manifest reader: a scalar field given a list or a mapping") {
  CHECK(read_bottle("name: [a]\n") == "1:7: E0313 'name' must be a string, got a list\n");
  CHECK(read_bottle("name: a\nnote: {x: 1}\n") ==
        "2:7: E0313 'note' must be a string, got a mapping\n");
}

TEST_CASE("manifest reader: a required key missing or empty") {
  CHECK(read_bottle("strict: true\n") ==
        "1:1: E0312 the manifest is missing the required key 'name'\n"
        "  note 11: 'name' is declared here\n");
  CHECK(read_bottle("name:\n") ==
        "1:1: E0312 'name' is empty; it needs a string\n"
        "  note 11: 'name' is declared here\n");
  CHECK(read_bottle("name: a\nroutes:\n  - role: r\n") ==
        "3:5: E0312 'routes[0]' is missing the required key 'host'\n"
        "  note 2: 'host' is declared here\n");
}

TEST_CASE("manifest reader: an optional key given empty is absent") {
  CHECK(read_bottle("name: a\nnote:\n") == "");
  CHECK(read_bottle("name: a\nroutes:\n  - host: h.example.com\n    role:\n") == "");
}

TEST_CASE("manifest reader: a bool or an integer written as a string says what made it one") {
  CHECK(read_bottle("name: a\nstrict: \"true\"\n") ==
        "2:9: E0313 strict: expected a bool, got the string \"true\"; remove the quotes\n");
  CHECK(read_bottle("name: a\nstrict: !!str true\n") ==
        "2:15: E0313 strict: expected a bool, got the string \"true\" (tagged as a string); "
        "remove the tag\n");
  CHECK(read_bottle("name: a\nstrict: |-\n  true\n") ==
        "2:9: E0313 strict: expected a bool, got the string \"true\" (a block scalar); "
        "write the value plain, on the key's line\n");
  CHECK(read_bottle("name: a\nretries: >\n  3\n") ==
        "2:10: E0313 retries: expected an integer, got the string \"3\n\" (a block scalar); "
        "write the value plain, on the key's line\n");
  CHECK(read_bottle("name: a\nstrict: |\n  true\n") ==
        "2:9: E0313 strict: expected a bool, got the string \"true\n\" (a block scalar); "
        "write the value plain, on the key's line\n");
  CHECK(read_bottle("name: a\nretries: '3'\n") ==
        "2:10: E0313 retries: expected an integer, got the string \"3\"; remove the quotes\n");
  CHECK(read_bottle("name: a\nretries: three\n") ==
        "2:10: E0313 retries: expected an integer, got 'three'\n");
  CHECK(read_bottle("name: a\nretries: 'three'\n") ==
        "2:10: E0313 retries: expected an integer, got the string \"three\"\n");
  CHECK(read_bottle("name: a\nstrict: maybe\n") ==
        "2:9: E0313 strict: expected a bool (true or false), got 'maybe'\n");
}

TEST_CASE("manifest reader: an enum value that is not one of the values suggests the closest") {
  CHECK(read_bottle("name: a\nmode: warm\n") ==
        "2:7: E0313 mode: 'warm' is not one of \"block\", \"warn\"; did you mean 'warn'?\n");
}

TEST_CASE("manifest reader: unknown keys at the top and inside a record") {
  CHECK(read_bottle("name: a\nstrickt: true\n") ==
        "2:1: E0311 unknown key 'strickt' in the manifest; did you mean 'strict'?\n");
  CHECK(read_bottle("name: a\nzzzzzzzz: 1\n") ==
        "2:1: E0311 unknown key 'zzzzzzzz' in the manifest\n"
        "  note 10: the keys of 'bottle' are declared here\n");
  CHECK(read_bottle("name: a\ntls: {qqqqqqq: 1}\n") ==
        "2:7: E0311 unknown key 'qqqqqqq' in 'tls'\n"
        "  note 5: the keys of 'tls' are declared here\n");
}

TEST_CASE("manifest reader: a removed key is an error with the policy's message") {
  CHECK(read_bottle("name: a\nlegacy: 1\n") ==
        "2:1: E0310 legacy is gone; use 'routes'\n"
        "  note 22: removed by the policy here\n");
}

TEST_CASE("manifest reader: an old key is read as the new one, with a warning and a fix") {
  CHECK(read_bottle("name: a\nold_name: hi\n") ==
        "2:1: W0330 'old_name' is now called 'note'; rename 'old_name' to 'note' "
        "('policyc migrate' does it)\n"
        "  note 20: renamed by the policy here\n");
}

TEST_CASE("manifest reader: one field under two old names is an error at the second") {
  CHECK(read_bottle("name: a\nold_name: hi\nolder_name: ho\n") ==
        "3:1: E0316 'older_name' and 'old_name' are one key ('older_name' is the old name of "
        "'note'); give it once, as 'note'\n"
        "  note 2: 'old_name' is given here\n"
        "  note 21: renamed by the policy here\n");
  CHECK(read_bottle("name: a\nnote: x\nold_name: hi\n") ==
        "3:1: E0316 'old_name' and 'note' are one key ('old_name' is the old name of 'note'); "
        "give it once, as 'note'\n"
        "  note 2: 'note' is given here\n"
        "  note 20: renamed by the policy here\n");
}

TEST_CASE("manifest reader: unique() skips elements without the key and names the first use") {
  CHECK(read_bottle("name: a\nroutes:\n  - host: a.example.com\n  - host: b.example.com\n") == "");
  CHECK(read_bottle("name: a\nroutes:\n  - {host: a.example.com, role: r}\n"
                    "  - {host: b.example.com, role: r}\n") ==
        "4:33: E0314 routes[1].role 'r' is already used by routes[0].role; each element of "
        "'routes' needs its own role\n"
        "  note 3: first used here\n"
        "  note 15: required unique by the policy here\n");
}

TEST_CASE("manifest reader: together() is quiet when a member is invalid and speaks when one is missing") {
  CHECK(read_bottle("name: a\ntls: {cert: /c.pem}\n") ==
        "2:13: E0315 'tls.cert' is given without 'tls.key'; give both or none of them\n"
        "  note 8: required together by the policy here\n");
  CHECK(read_bottle("name: a\ntls: {cert: /c.pem, key: [x]}\n") ==
        "2:26: E0313 'tls.key' must be a path, got a list\n");
}

TEST_CASE("manifest reader: hosts() judges each host of a map and a record field") {
  CHECK(read_bottle("name: a\nmirrors: {lan: 10.0.0.7, pub: pypi.example.com}\n") ==
        "2:16: W0320 mirrors.lan: '10.0.0.7' is a private address (RFC 1918 or RFC 6598), "
        "inside some network rather than on the internet\n"
        "  note 16: the policy's hosts() rule for private hosts\n");
  CHECK(read_bottle("name: a\nroutes:\n  - host: 169.254.169.254\n").find(
            "3:11: E0318 routes[0].host: '169.254.169.254' is") == 0);
}
