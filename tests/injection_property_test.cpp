// Injection-proof output, as a property: whatever hosts, paths and parameters a bottle
// or its launch gives, the emitted YAML read back by yaml-cpp (independently of the
// emitter's own check) has exactly the intended keys and values, or the input was
// refused with an error.
#include <catch2/catch.hpp>
#include <yaml-cpp/yaml.h>

#include <random>

#include "pipeline/driver.hpp"
#include "policy_test_support.hpp"

namespace {

using policyc::Compiled;
using policyc::DiagnosticSink;
using policyc::SourceManager;

// A YAML double-quoted scalar for any bytes, so the manifest itself is well-formed and
// only the value is hostile.
std::string yaml_quoted(const std::string& s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20 || c == 0x7f) {
      char buffer[8];
      std::snprintf(buffer, sizeof buffer, "\\x%02x", c);
      out += buffer;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

const std::vector<std::string>& adversarial() {
  static const std::vector<std::string> values = {
      "a\nmode: audit", "x\"\nenforce: false", "x: y", "- evil", "#comment", "a #b", "{a: b}",
      "[x]", "&anchor", "*alias", "!!binary", "!tag x", "a\r\nb", "a\rb", "\t", "\\", "\\\"",
      "'", "''", "\"", "\"\"", "a\xE2\x80\xA8" "b", "a\xC2\x85" "b", "\xEF\xBB\xBF", "---",
      "...", "%YAML 1.1", "@x", "`x`", "|", ">", "? x", ": x", "x:", "true", "null", "~", "0x10",
      "1e3", ".inf", "-1", "yes", "No", "api.anthropic.com", "API.Anthropic.COM.",
      "*.example.com", "*", "a..b", ".", "exa mple.com", "ex\"ample.com", "xn--caf-dma.com",
      "caf\xC3\xA9.com", "\xFF\xFE", "\xC0\xAF", "\xED\xA0\x80", "\x7F", "\xC2\x9B" "x",
      "\xEF\xBF\xBF", std::string(300, 'a') + ".com", std::string(64, 'b') + ".io",
      "/etc/pipelock/ca.pem", "C:\\ca.pem", "/a b/c\"d'e#f: g", "10.0.0.0/8", "10.0.0.1/8",
      "::/0", "0.0.0.0/0", "fe80::/10", "10.0.0.0/8\nmode: audit", "/x\x00y"};
  return values;
}

// Random strings from a mix of ordinary characters, YAML indicators, controls and
// multi-byte UTF-8 (well-formed or not).
std::vector<std::string> random_values(std::size_t count) {
  static const std::vector<std::string> pieces = {
      "a", "z", "0", "9", ".", "-", "_", "/", ":", " ", "#", "\"", "'", "\\", "\n", "\r", "\t",
      "{", "}", "[", "]", ",", "&", "*", "!", "|", ">", "%", "@", "`", "?", "~", "\xC3\xA9",
      "\xE2\x80\xA8", "\xC2\x85", "\xF0\x9F\x98\x80", "\xFF", "\x01", "\x1B", "\x7F", "com",
      "example", "xn--", "*."};
  std::mt19937 random(20240501);  // fixed: a failure is reproducible
  std::uniform_int_distribution<std::size_t> length(1, 24), piece(0, pieces.size() - 1);
  std::vector<std::string> values;
  for (std::size_t i = 0; i < count; ++i) {
    std::string value;
    for (std::size_t n = length(random); n > 0; --n) value += pieces[piece(random)];
    values.push_back(value);
  }
  return values;
}

struct Outcome {
  std::optional<Compiled> compiled;
  std::string errors;  // rendered diagnostics
  bool internal_error = false;
};

Outcome compile(std::unique_ptr<policyc::ir::Program> program, const std::string& bottle,
                const std::vector<std::string>& params) {
  SourceManager sources;
  DiagnosticSink diags;
  policyc::FileId file = sources.add("bottle.yaml", bottle);
  Outcome outcome;
  outcome.compiled = policyc::compile_manifest(std::move(program), file, params, sources, diags);
  for (const policyc::Diagnostic& d : diags.all()) {
    outcome.errors += policyc::render(d, sources);
    outcome.internal_error = outcome.internal_error || d.code == "E0502";
  }
  return outcome;
}

// The config of a compile that succeeded, read back with yaml-cpp and counted in
// `accepted`; nothing for a refused input, whose refusal must be an ordinary error.
std::optional<YAML::Node> accepted_config(const Outcome& outcome, std::size_t& accepted) {
  CHECK_FALSE(outcome.internal_error);
  if (!outcome.compiled) {
    CHECK(outcome.errors.find(": error: ") != std::string::npos);
    return std::nullopt;
  }
  ++accepted;
  return YAML::Load(outcome.compiled->yaml);
}

std::unique_ptr<policyc::ir::Program> shipped() {
  SourceManager sources;
  DiagnosticSink diags;
  return policyc::load_program("", sources, diags);
}

std::vector<std::string> keys_of(const YAML::Node& map) {
  std::vector<std::string> keys;
  for (const auto& entry : map) keys.push_back(entry.first.Scalar());
  return keys;
}

// A quoted YAML string with exactly this value.
bool is_string(const YAML::Node& node, const std::string& value) {
  return node.IsScalar() && node.Tag() == "!" && node.Scalar() == value;
}

std::vector<std::string> all_values() {
  std::vector<std::string> values = adversarial();
  for (std::string& v : random_values(200)) values.push_back(std::move(v));
  return values;
}

}  // namespace

TEST_CASE("hostile hosts in the manifest: exactly the intended allowlist, or an error") {
  const std::vector<std::string> defaults = {
      "api.anthropic.com", "claude.ai", "downloads.claude.ai", "platform.claude.com",
      "raw.githubusercontent.com", "sentry.io", "statsig.anthropic.com"};
  std::size_t accepted = 0;
  for (const std::string& host : all_values()) {
    for (bool as_route : {false, true}) {
      INFO("host " << yaml_quoted(host) << (as_route ? " as a route" : " in the allowlist"));
      const std::string bottle =
          as_route ? "egress_proxy:\n  routes:\n    - host: " + yaml_quoted(host) + "\n"
                   : "egress:\n  allowlist: [" + yaml_quoted(host) + "]\n";
      const std::optional<YAML::Node> read_back =
          accepted_config(compile(shipped(), bottle, {}), accepted);
      if (!read_back) continue;
      const YAML::Node& root = *read_back;
      const std::vector<std::string> top = {
          "version", "mode", "enforce", "api_allowlist", "forward_proxy", "dlp",
          "request_body_scanning"};
      const std::vector<std::string> with_seed = {
          "version", "mode", "enforce", "api_allowlist", "seed_phrase_detection",
          "forward_proxy", "dlp", "request_body_scanning"};
      const std::vector<std::string> keys = keys_of(root);
      CHECK((keys == top || keys == with_seed));
      std::vector<std::string> hosts;
      for (const auto& item : root["api_allowlist"]) {
        REQUIRE(item.IsScalar());
        CHECK(item.Tag() == "!");
        hosts.push_back(item.Scalar());
      }
      // The defaults, plus the host as the hostname type normalises it: lowercase,
      // without a trailing dot. Nothing else can appear.
      std::string normal = host;
      for (char& c : normal) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (!normal.empty() && normal.back() == '.') normal.pop_back();
      std::vector<std::string> expected = defaults;
      if (std::find(expected.begin(), expected.end(), normal) == expected.end()) {
        expected.push_back(normal);
      }
      std::sort(expected.begin(), expected.end());
      CHECK(hosts == expected);
    }
  }
  CHECK(accepted > 10);  // some hosts are valid, so the positive path is exercised
}

TEST_CASE("hostile launch parameters: exactly the intended values, or an error") {
  std::size_t accepted = 0;
  for (const std::string& value : all_values()) {
    INFO("value " << yaml_quoted(value));
    Outcome paths = compile(shipped(), "{}\n", {"ca_cert=" + value, "ca_key=/k.pem"});
    CHECK_FALSE(paths.internal_error);
    if (paths.compiled) {
      ++accepted;
      const YAML::Node tls = YAML::Load(paths.compiled->yaml)["tls_interception"];
      CHECK(keys_of(tls) ==
            std::vector<std::string>{"enabled", "ca_cert", "ca_key", "passthrough_domains"});
      CHECK(is_string(tls["ca_cert"], value));
      CHECK(is_string(tls["ca_key"], "/k.pem"));
    } else {
      CHECK(paths.errors.find(": error: ") != std::string::npos);
    }
    Outcome cidrs = compile(shipped(), "{}\n", {"ssrf_ip_allowlist=" + value});
    CHECK_FALSE(cidrs.internal_error);
    if (cidrs.compiled) {
      const YAML::Node ssrf = YAML::Load(cidrs.compiled->yaml)["ssrf"];
      CHECK(keys_of(ssrf) == std::vector<std::string>{"ip_allowlist"});
      REQUIRE(ssrf["ip_allowlist"].size() == 1);
      CHECK(ssrf["ip_allowlist"][0].Tag() == "!");
    } else {
      CHECK(cidrs.errors.find(": error: ") != std::string::npos);
    }
  }
  CHECK(accepted > 10);
}

TEST_CASE("hostile strings straight into pipelock string fields: quoted exactly, or refused") {
  // A policy that copies manifest strings, unchecked by any type, into the config.
  const std::string policy =
      "manifest bottle {\n  cert: string\n  key: string\n}\n"
      "output pipelock {\n  version = 1\n  tls_interception {\n    enabled = true\n"
      "    ca_cert = bottle.cert\n    ca_key = bottle.key\n  }\n}\n";
  std::size_t accepted = 0;
  for (const std::string& value : all_values()) {
    INFO("value " << yaml_quoted(value));
    auto checked = policyc::testing::check_files({{"main.policy", policy}});
    REQUIRE(checked->program);
    const std::optional<YAML::Node> read_back = accepted_config(
        compile(std::move(checked->program),
                "cert: " + yaml_quoted(value) + "\nkey: " + yaml_quoted(value) + "\n", {}),
        accepted);
    if (!read_back) continue;
    const YAML::Node& root = *read_back;
    CHECK(keys_of(root) == std::vector<std::string>{"version", "tls_interception"});
    const YAML::Node tls = root["tls_interception"];
    CHECK(keys_of(tls) == std::vector<std::string>{"enabled", "ca_cert", "ca_key"});
    CHECK(is_string(tls["ca_cert"], value));
    CHECK(is_string(tls["ca_key"], value));
  }
  CHECK(accepted > 100);
}
