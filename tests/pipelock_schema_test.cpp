// pipelock's schema is one table (pipelock/schema/config_keys.cpp), pinned here to the
// key list of pipelock 2.3.0's config structs (tests/data/pipelock-2.3.0-keys.txt, read
// off pipelock's config package: every `yaml:` tag from Config down, `[]` a list's
// element, `{}` a map's value); what a policy may set is derived from the same table.
#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "base/text_diff.hpp"
#include "pipelock/schema/config_keys.hpp"
#include "pipelock/schema/output_schema.hpp"

namespace {

using policyc::ConfigKey;
using policyc::TargetField;

const char* type_word(ConfigKey::Type type) {
  switch (type) {
    case ConfigKey::Type::Struct:
      return "struct";
    case ConfigKey::Type::Int:
      return "int";
    case ConfigKey::Type::Float:
      return "float";
    case ConfigKey::Type::Bool:
      return "bool";
    case ConfigKey::Type::String:
      return "string";
    case ConfigKey::Type::Timestamp:
      return "timestamp";
    case ConfigKey::Type::List:
      return "list";
    case ConfigKey::Type::Map:
      return "map";
  }
  return "?";
}

// One line per key, `path<TAB>type`; `[]` is a list's element and `{}` a map's value.
void list_keys(const ConfigKey& key, const std::string& path, std::string& out) {
  if (!path.empty()) out += path + "\t" + type_word(key.type) + "\n";
  for (const ConfigKey& field : key.fields()) {
    list_keys(field, (path.empty() ? "" : path + ".") + std::string(field.name), out);
  }
  if (key.element)
    list_keys(*key.element, path + (key.type == ConfigKey::Type::List ? "[]" : "{}"), out);
}

std::string read_text(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

const ConfigKey* config_key_at(const std::string& path) {
  const ConfigKey* key = &policyc::pipelock_config_root();
  std::size_t begin = 0;
  while (key && begin <= path.size()) {
    const std::size_t dot = path.find('.', begin);
    key =
        key->field(path.substr(begin, dot == std::string::npos ? std::string::npos : dot - begin));
    if (dot == std::string::npos) break;
    begin = dot + 1;
  }
  return key;
}

void settable_paths(const TargetField& section, const std::string& path,
                    std::vector<std::pair<std::string, const TargetField*>>& out) {
  for (const TargetField& child : section.children) {
    const std::string child_path = path.empty() ? child.key : path + "." + child.key;
    if (child.type == TargetField::Type::Section) {
      settable_paths(child, child_path, out);
    } else {
      out.emplace_back(child_path, &child);
    }
  }
}

}  // namespace

TEST_CASE("config_keys holds exactly the keys of pipelock 2.3.0's config structs") {
  std::string actual;
  list_keys(policyc::pipelock_config_root(), "", actual);
  const std::string expected = read_text(POLICYC_SOURCE_DIR "/tests/data/pipelock-2.3.0-keys.txt");
  REQUIRE_FALSE(expected.empty());
  INFO(
      policyc::unified_diff(expected, actual, "tests/data/pipelock-2.3.0-keys.txt", "config_keys"));
  CHECK(actual == expected);
}

TEST_CASE("every field a policy may set is a key of pipelock's config, of the same type") {
  std::vector<std::pair<std::string, const TargetField*>> paths;
  settable_paths(policyc::pipelock_schema(), "", paths);
  CHECK(paths.size() == 32);
  for (const auto& [path, field] : paths) {
    INFO(path);
    const ConfigKey* key = config_key_at(path);
    REQUIRE(key);
    switch (field->type) {
      case TargetField::Type::Int:
        CHECK(key->type == ConfigKey::Type::Int);
        break;
      case TargetField::Type::Bool:
        CHECK(key->type == ConfigKey::Type::Bool);
        break;
      case TargetField::Type::String:
      case TargetField::Type::Enum:
        CHECK(key->type == ConfigKey::Type::String);
        break;
      case TargetField::Type::StringList:
      case TargetField::Type::HostList:
      case TargetField::Type::CidrList:
        CHECK(key->type == ConfigKey::Type::List);
        CHECK(key->element->type == ConfigKey::Type::String);
        break;
      case TargetField::Type::Section:
        FAIL("a section is not a leaf");
    }
  }
}
