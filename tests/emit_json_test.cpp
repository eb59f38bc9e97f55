// The JSON emitter: RFC 8259 escaping, the exact layout, and that `--format json`
// describes the very config the YAML does, for every golden case that compiles.
#include "base/file_text.hpp"
#include "pipelock/emit/emit_json.hpp"
#include "base/json_writer.hpp"

#include <yaml-cpp/yaml.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/golden.hpp"
#include "cli/cli.hpp"
#include "pipelock/emit/render_yaml.hpp"

using namespace policyc;
namespace fs = std::filesystem;

namespace {

OutputNode leaf(std::string key, Value value) {
  OutputNode n;
  n.key = std::move(key);
  n.set_value(std::move(value));
  return n;
}

OutputNode section(std::string key, std::vector<OutputNode> children) {
  OutputNode n;
  n.key = std::move(key);
  n.is_section = true;
  n.children = std::move(children);
  return n;
}

Value strings(const std::vector<std::string>& items) {
  std::vector<Value> values;
  for (const std::string& item : items) values.push_back(Value::of_string(item));
  return Value::of_list(std::move(values));
}

// yaml-cpp reads JSON too: both texts must give the same tree, keys in the same order.
std::string tree_difference(const YAML::Node& a, const YAML::Node& b, const std::string& path) {
  if (a.Type() != b.Type()) return path + ": different node types";
  if (a.IsScalar())
    return a.Scalar() == b.Scalar() ? "" : path + ": " + a.Scalar() + " vs " + b.Scalar();
  if (a.size() != b.size()) return path + ": different sizes";
  if (a.IsSequence()) {
    for (std::size_t i = 0; i < a.size(); ++i) {
      std::string d = tree_difference(a[i], b[i], path + "[" + std::to_string(i) + "]");
      if (!d.empty()) return d;
    }
    return "";
  }
  for (auto ia = a.begin(), ib = b.begin(); ia != a.end(); ++ia, ++ib) {
    const std::string key = ia->first.Scalar();
    if (key != ib->first.Scalar()) return path + ": key " + key + " vs " + ib->first.Scalar();
    std::string d = tree_difference(ia->second, ib->second, path + "." + key);
    if (!d.empty()) return d;
  }
  return "";
}

CliRun run_in(const fs::path& folder, const std::vector<std::string>& args) {
  WorkingDirectory in(folder);
  return run_cli_captured(args);
}

}  // namespace

TEST_CASE("json_quote escapes what RFC 8259 requires and nothing else") {
  CHECK(json_quote("api.example.com") == "\"api.example.com\"");
  CHECK(json_quote("a\"b\\c") == "\"a\\\"b\\\\c\"");
  CHECK(json_quote("\b\f\n\r\t") == "\"\\b\\f\\n\\r\\t\"");
  CHECK(json_quote(std::string("\x01\x1f\x7f", 3)) == "\"\\u0001\\u001f\\u007f\"");
  CHECK(json_quote(std::string("nul\0byte", 8)) == "\"nul\\u0000byte\"");
  CHECK(json_quote("/etc/ca.pem") == "\"/etc/ca.pem\"");  // `/` needs no escape
  CHECK(json_quote("caf\xc3\xa9 \xe2\x9c\x93") == "\"caf\xc3\xa9 \xe2\x9c\x93\"");
  CHECK(json_quote("a\xe2\x80\xa8"
                   "b\xe2\x80\xa9") == "\"a\\u2028b\\u2029\"");
  CHECK(json_quote("") == "\"\"");
  // JSON text must be valid UTF-8: a stray byte becomes U+FFFD instead of passing through.
  CHECK(json_quote("bad\xff") == "\"bad\xef\xbf\xbd\"");
  // A truncated sequence is one U+FFFD (nlohmann's replacement), the ASCII after it kept.
  CHECK(json_quote("a\xe2\x80x") == "\"a\xef\xbf\xbdx\"");
}

TEST_CASE("json_text escapes DEL, U+2028 and U+2029 in keys and nested values alike") {
  Json doc;
  doc["k\x7f"] = Json::array({"a\xe2\x80\xa8", Json{{"b", "\xe2\x80\xa9"}}});
  CHECK(json_text(doc, -1) == R"({"k\u007f":["a\u2028",{"b":"\u2029"}]})");
  CHECK(json_text(doc, 2) ==
        "{\n  \"k\\u007f\": [\n    \"a\\u2028\",\n    {\n      \"b\": \"\\u2029\"\n    }\n  ]\n}");
}

TEST_CASE("render_json writes keys in order, two-space indented, one newline at the end") {
  OutputDocument doc = {
      leaf("version", Value::of_int(1)),
      leaf("mode", Value::of_string("strict")),
      leaf("enforce", Value::of_bool(true)),
      leaf("api_allowlist", strings({"a.example.com", "b.example.com"})),
      section("forward_proxy", {leaf("enabled", Value::of_bool(false))}),
      leaf("internal", strings({})),
      section("tls_interception", {leaf("passthrough_domains", strings({}))}),
      leaf("max", Value::of_int(-5)),
  };
  CHECK(render_json(doc) ==
        "{\n"
        "  \"version\": 1,\n"
        "  \"mode\": \"strict\",\n"
        "  \"enforce\": true,\n"
        "  \"api_allowlist\": [\n"
        "    \"a.example.com\",\n"
        "    \"b.example.com\"\n"
        "  ],\n"
        "  \"forward_proxy\": {\n"
        "    \"enabled\": false\n"
        "  },\n"
        "  \"internal\": [],\n"
        "  \"tls_interception\": {},\n"
        "  \"max\": -5\n"
        "}\n");
  CHECK(render_json({}) == "{}\n");
}

TEST_CASE("render_json keeps hostile strings inside their quotes") {
  const std::string hostile = "x\",\n  \"mode\": \"audit\\";
  OutputDocument doc = {leaf("note", Value::of_string(hostile)),
                        leaf("list", strings({hostile, "\x1b[31m"}))};
  YAML::Node parsed = YAML::Load(render_json(doc));
  REQUIRE(parsed.IsMap());
  CHECK(parsed.size() == 2);
  CHECK(parsed["note"].as<std::string>() == hostile);
  CHECK(parsed["list"][0].as<std::string>() == hostile);
  CHECK(parsed["list"][1].as<std::string>() == "\x1b[31m");
}

TEST_CASE("render_json leaves out empty lists inside sections as the YAML does") {
  OutputDocument doc = {section("tls_interception", {leaf("enabled", Value::of_bool(true)),
                                                     leaf("passthrough_domains", strings({}))}),
                        leaf("api_allowlist", strings({}))};
  YAML::Node from_yaml = YAML::Load(render_pipelock_yaml(doc));
  YAML::Node from_json = YAML::Load(render_json(doc));
  CHECK(tree_difference(from_yaml, from_json, "") == "");
}

TEST_CASE("compile --format json is the YAML config for every golden case that compiles") {
  std::size_t compared = 0;
  for (const auto& entry :
       fs::recursive_directory_iterator(fs::path(POLICYC_SOURCE_DIR) / "golden")) {
    const fs::path folder = entry.path();
    // Cases that compile print their config: an expected.yaml and no expected.exit.
    if (!entry.is_directory() || fs::exists(folder / "expected.exit") ||
        !fs::exists(folder / "expected.yaml")) {
      continue;
    }
    std::vector<std::string> args = golden_case_arguments(folder);
    // Only plain compiles to stdout: no other output format or destination.
    if (args.empty() || args[0] != "compile") continue;
    bool plain = true;
    for (const std::string& a : args)
      plain = plain && (a.empty() || a[0] != '-' || a == "--param" || a == "--policy");
    if (!plain) continue;
    CliRun yaml = run_in(folder, args);
    args.insert(args.begin() + 1, {"--format", "json"});
    CliRun json = run_in(folder, args);
    INFO(folder.string());
    REQUIRE(yaml.code == 0);
    REQUIRE(json.code == 0);
    CHECK(json.err == yaml.err);
    CHECK(tree_difference(YAML::Load(yaml.out), YAML::Load(json.out), "") == "");
    ++compared;
  }
  CHECK(compared >= 10);
}
