// `policyc validate` against the five real pipelock configs in
// ../shared/reference/pipelock-examples (beside the clone; skipped with a message where
// absent), against broken variants derived from them here at run time, and the key table
// against pipelock's own struct tree in ../shared/reference/pipelock-schema-keys.json.
#include "base/file_text.hpp"
#include "pipelock/validate/validate_config.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <functional>
#include <set>
#include <sstream>

#include "pipelock/validate/config_tree.hpp"
#include "pipelock/schema/config_keys.hpp"

namespace fs = std::filesystem;
using namespace policyc;

namespace {

const fs::path kReference = fs::path(POLICYC_SOURCE_DIR) / ".." / "shared" / "reference";

std::vector<fs::path> example_configs() {
  std::vector<fs::path> files;
  const fs::path dir = kReference / "pipelock-examples";
  if (!fs::is_directory(dir)) return files;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() == ".yaml") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

struct Validated {
  explicit Validated(const std::string& text, const std::string& name = "pipelock.yaml") {
    file = sources.add(name, text);
    valid = validate_pipelock_config(sources, file, diags);
  }
  // Each error as "line:col CODE", in source order.
  std::vector<std::string> errors() const {
    std::vector<std::string> out;
    for (const Diagnostic& d : diags.sorted()) {
      if (d.severity != Severity::Error) continue;
      LineCol at = sources.file(file).line_col(d.range.begin);
      out.push_back(std::to_string(at.line) + ":" + std::to_string(at.column) + " " + d.code);
    }
    return out;
  }
  std::string messages() const {
    std::string out;
    for (const Diagnostic& d : diags.sorted()) out += render(d, sources);
    return out;
  }
  SourceManager sources;
  DiagnosticSink diags;
  FileId file = 0;
  bool valid = false;
};

// The first node of the tree, depth first, for which `pick` holds, with its schema key.
struct Found {
  const YamlNode* node = nullptr;
  const YamlNode::Entry* entry = nullptr;
  int depth = 0;
};

void find_first(const YamlNode& node, const ConfigKey& key, int depth,
                const std::function<bool(const YamlNode&, const ConfigKey&, int)>& pick,
                Found& found, const YamlNode::Entry* entry = nullptr) {
  if (found.node) return;
  if (pick(node, key, depth)) {
    found = {&node, entry, depth};
    return;
  }
  if (key.type == ConfigKey::Type::Struct) {
    for (const YamlNode::Entry& e : node.entries) {
      if (const ConfigKey* field = key.field(e.key)) {
        find_first(e.value, *field, depth + 1, pick, found, &e);
      }
    }
  } else if (key.type == ConfigKey::Type::List) {
    for (const YamlNode& item : node.items) find_first(item, *key.element, depth + 1, pick, found);
  }
}

std::string replaced(const std::string& text, const SourceRange& range, const std::string& with) {
  return text.substr(0, range.begin) + with + text.substr(range.end);
}

std::string line_col(const std::string& text, std::uint32_t offset) {
  SourceFile file("x", text);
  LineCol at = file.line_col(offset);
  return std::to_string(at.line) + ":" + std::to_string(at.column);
}

}  // namespace

TEST_CASE("the five pipelock example configs are valid") {
  const std::vector<fs::path> files = example_configs();
  if (files.empty()) {
    WARN("skipped: no pipelock example configs at " << (kReference / "pipelock-examples").string()
                                                    << " (shared/ beside the clone)");
    return;
  }
  CHECK(files.size() == 5);
  for (const fs::path& path : files) {
    Validated v(policyc::read_file_text(path), path.filename().string());
    INFO(path.filename().string() << "\n" << v.messages());
    CHECK(v.valid);
    CHECK(v.errors().empty());
  }
}

TEST_CASE("broken variants of the example configs are refused at the exact place") {
  const std::vector<fs::path> files = example_configs();
  if (files.empty()) {
    WARN("skipped: no pipelock example configs (shared/ beside the clone)");
    return;
  }
  std::set<std::string> codes_seen;
  for (const fs::path& path : files) {
    const std::string text = policyc::read_file_text(path);
    SourceManager sources;
    DiagnosticSink diags;
    std::unique_ptr<YamlNode> root = load_config_tree(sources, sources.add("x", text), diags);
    REQUIRE(root);
    const ConfigKey& schema = pipelock_config_root();
    // Each mutation replaces one range and must produce exactly one error, there.
    auto expect = [&](const char* what, const SourceRange& range, const std::string& with,
                      const std::string& code) {
      const std::string broken = replaced(text, range, with);
      Validated v(broken);
      INFO(path.filename().string() << ": " << what << "\n" << v.messages());
      CHECK_FALSE(v.valid);
      CHECK(v.errors() == std::vector<std::string>{line_col(broken, range.begin) + " " + code});
      codes_seen.insert(code);
    };
    Found nested_key;
    find_first(
        *root, schema, 0, [](const YamlNode&, const ConfigKey&, int depth) { return depth == 2; },
        nested_key);
    if (nested_key.entry) {
      expect("a nested key misspelled", nested_key.entry->key_range, nested_key.entry->key + "x",
             "E0701");
    }
    Found number;
    find_first(
        *root, schema, 0,
        [](const YamlNode& n, const ConfigKey& k, int) {
          return k.type == ConfigKey::Type::Int && n.kind == YamlNode::Kind::Scalar;
        },
        number);
    if (number.node) expect("an integer written as a word", number.node->range, "many", "E0702");
    Found flag;
    find_first(
        *root, schema, 0,
        [](const YamlNode& n, const ConfigKey& k, int) {
          return k.type == ConfigKey::Type::Bool && n.kind == YamlNode::Kind::Scalar;
        },
        flag);
    if (flag.node) expect("a boolean written as maybe", flag.node->range, "maybe", "E0702");
    if (const YamlNode* mode = find_config_node(*root, "mode")) {
      expect("an unknown mode", mode->range, "strictest", "E0703");
    }
    const YamlNode* mode = find_config_node(*root, "mode");
    const YamlNode* allowlist = find_config_node(*root, "api_allowlist");
    if (mode && mode->scalar == "strict" && allowlist) {
      expect("strict mode with an empty allowlist", allowlist->range, "[]", "E0704");
    }
    for (const char* list : {"ssrf.ip_allowlist", "internal"}) {
      const YamlNode* cidrs = find_config_node(*root, list);
      if (!cidrs || cidrs->items.empty()) continue;
      const YamlNode& first = cidrs->items.front();
      const std::string bare = first.scalar.substr(0, first.scalar.find('/'));
      expect("a CIDR without its prefix length", first.range, bare, "E0705");
    }
    if (const YamlNode* action = find_config_node(*root, "request_body_scanning.action")) {
      expect("a request body action pipelock refuses", action->range, "strip", "E0703");
    }
    // A key written twice and a second document: the loader refuses both.
    Validated duplicate(text + "\nmode: audit\n");
    CHECK(duplicate.errors().size() == 1);
    CHECK(duplicate.errors().front().find("E0302") != std::string::npos);
    Validated second(text + "\n---\nmode: audit\n");
    CHECK(second.errors().size() == 1);
    CHECK(second.errors().front().find("E0303") != std::string::npos);
  }
  // Across the five files every kind of mutation found a place to apply.
  CHECK(codes_seen == std::set<std::string>{"E0701", "E0702", "E0703", "E0704", "E0705"});
}

namespace {

// pipelock-schema-keys.json's tree as "path type" lines, in the notation of ConfigKey.
void json_paths(const YAML::Node& node, const std::string& path, std::set<std::string>& out) {
  if (node["struct"]) {
    for (const auto& field : node["fields"]) {
      const std::string name = field.first.as<std::string>();
      json_paths(field.second, path.empty() ? name : path + "." + name, out);
    }
    return;
  }
  if (node["list"]) return json_paths(node["list"], path + "[]", out);
  if (node["map"]) return json_paths(node["map"], path + "{}", out);
  std::string type = node["type"].as<std::string>();
  if (!type.empty() && type.back() == '?') type.pop_back();
  out.insert(path + " " + type);
}

void table_paths(const ConfigKey& key, const std::string& path, std::set<std::string>& out) {
  static const char* const names[] = {"struct", "int",       "float", "bool",
                                      "string", "timestamp", "list",  "map"};
  switch (key.type) {
    case ConfigKey::Type::Struct:
      for (const ConfigKey& field : key.fields()) {
        table_paths(field, (path.empty() ? "" : path + ".") + std::string(field.name), out);
      }
      return;
    case ConfigKey::Type::List:
      return table_paths(*key.element, path + "[]", out);
    case ConfigKey::Type::Map:
      return table_paths(*key.element, path + "{}", out);
    default:
      out.insert(path + " " + names[static_cast<int>(key.type)]);
  }
}

}  // namespace

TEST_CASE("the key table is pipelock 2.3.0's struct tree, key for key and type for type") {
  const fs::path json = kReference / "pipelock-schema-keys.json";
  if (!fs::exists(json)) {
    WARN("skipped: no " << json.string() << " (shared/ beside the clone)");
    return;
  }
  std::set<std::string> expected, actual;
  json_paths(YAML::LoadFile(json.string()), "", expected);  // JSON is YAML
  table_paths(pipelock_config_root(), "", actual);
  CHECK(expected.size() >= 393);
  for (const std::string& line : expected) {
    INFO("missing from pipelock/schema/config_keys.cpp: " << line);
    CHECK(actual.count(line) == 1);
  }
  for (const std::string& line : actual) {
    INFO("not in pipelock 2.3.0: " << line);
    CHECK(expected.count(line) == 1);
  }
}

TEST_CASE("scalars decode as yaml.v3 decodes them into Go fields") {
  auto scalar = [](std::string text, bool quoted = false) {
    YamlNode node;
    node.kind = YamlNode::Kind::Scalar;
    node.scalar = std::move(text);
    node.quoted = quoted;
    return node;
  };
  CHECK(config_bool(scalar("yes")) == true);
  CHECK(config_bool(scalar("Off")) == false);
  CHECK(config_bool(scalar("TRUE")) == true);
  CHECK_FALSE(config_bool(scalar("true", true)).has_value());  // a string "true"
  CHECK(config_bool(scalar("yes", true)) == true);             // the YAML 1.1 words still work
  CHECK_FALSE(config_bool(scalar("maybe")).has_value());
  CHECK(config_int(scalar("0x1F")) == 31);
  CHECK(config_int(scalar("0o17")) == 15);
  CHECK(config_int(scalar("017")) == 15);
  CHECK(config_int(scalar("1_000")) == 1000);
  CHECK(config_int(scalar("-5")) == -5);
  CHECK(config_int(scalar("3.9")) == 3);  // yaml.v3 truncates a float into an int
  CHECK_FALSE(config_int(scalar("300", true)).has_value());
  CHECK_FALSE(config_int(scalar("five")).has_value());
  CHECK_FALSE(config_int(scalar("99999999999999999999")).has_value());
  CHECK(config_float(scalar(".inf")).has_value());
  CHECK(config_float(scalar("4.5")) == 4.5);
  CHECK(config_timestamp(scalar("2030-01-01T00:00:00Z")));
  CHECK(config_timestamp(scalar("2030-01-01")));
  CHECK_FALSE(config_timestamp(scalar("yesterday")));
}

TEST_CASE("validate reports every problem of a config at once, in source order") {
  Validated v(
      "mode: strict\n"
      "api_allowlist: []\n"
      "dlp:\n"
      "  action: block\n"
      "trusted_domains: ['*.com']\n"
      "tls_interception:\n"
      "  enabled: true\n"
      "  cert_ttl: 0s\n");
  CHECK(v.errors() ==
        std::vector<std::string>{"2:16 E0704", "4:11 E0709", "5:19 E0706", "8:13 E0707"});
  CHECK(v.diags.all().size() == 5);  // and the CA files warning
}

TEST_CASE("every pattern field is a Go regexp, reported at its value") {
  Validated v(
      "dlp:\n"
      "  patterns:\n"
      "    - {name: a, regex: '(AKIA'}\n"
      "response_scanning:\n"
      "  patterns:\n"
      "    - {name: b, regex: 'x{2,1}'}\n"
      "mcp_tool_policy:\n"
      "  enabled: true\n"
      "  action: block\n"
      "  rules:\n"
      "    - {name: c, tool_pattern: '[a-', arg_pattern: 'ok', arg_key: '\\C'}\n");
  CHECK(v.errors() == std::vector<std::string>{"3:24 E0707", "6:24 E0707", "11:31 E0707",
                                               "11:66 E0707"});
  CHECK(v.messages().find("dlp.patterns[0].regex is not a valid regexp: missing ): (AKIA") !=
        std::string::npos);
  Validated off("response_scanning:\n  enabled: false\n  patterns:\n    - {name: b, regex: '('}\n");
  CHECK(off.valid);  // pipelock compiles response patterns only when scanning is enabled
}

TEST_CASE("an empty file is a valid pipelock config") {
  Validated v("");
  CHECK(v.valid);
  CHECK(v.diags.all().empty());
  Validated comment("# nothing yet\n");
  CHECK(comment.valid);
}

TEST_CASE("sections disabled are not checked, as pipelock does not check them") {
  Validated off("request_body_scanning:\n  enabled: false\n  action: strip\n");
  CHECK(off.valid);
  Validated on("request_body_scanning:\n  action: strip\n");  // enabled when absent
  CHECK(on.errors() == std::vector<std::string>{"2:11 E0703"});
}

// Every config a golden case compiles (its expected output starts with `version:`, as
// tests/differential/second_parser_test.py tells them from reports) is one pipelock's
// loader accepts: compile emits no field or value `policyc validate` would refuse.
TEST_CASE("validate accepts every config the golden cases compile") {
  std::vector<fs::path> configs;
  for (const auto& entry :
       fs::recursive_directory_iterator(fs::path(POLICYC_SOURCE_DIR) / "golden")) {
    if (entry.path().filename() != "expected.yaml") continue;
    std::istringstream lines(read_file_text(entry.path()));
    for (std::string line; std::getline(lines, line);) {
      if (line.empty() || line[0] == '#') continue;
      if (line.rfind("version: ", 0) == 0) configs.push_back(entry.path());
      break;
    }
  }
  std::sort(configs.begin(), configs.end());
  CHECK(configs.size() >= 25);
  bool records = false;
  for (const fs::path& config : configs) {
    const std::string text = read_file_text(config);
    records = records || text.find("  patterns:\n    - name: ") != std::string::npos;
    Validated validated(text, config.string());
    INFO(validated.messages());
    CHECK(validated.errors().empty());
  }
  CHECK(records);  // a list of records (DLP patterns) is among them
}
