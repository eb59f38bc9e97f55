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

const char* field_word(const TargetField& field) {
  switch (field.type) {
    case TargetField::Type::Section:
    case TargetField::Type::Record:
      return "struct";
    case TargetField::Type::Int:
      return "int";
    case TargetField::Type::Number:
      return "float";
    case TargetField::Type::Bool:
      return "bool";
    case TargetField::Type::String:
    case TargetField::Type::Enum:
      return "string";
    case TargetField::Type::Map:
      return "map";
    default:
      return "list";
  }
}

// The fields a policy may set, in the notation of the key list.
void list_fields(const TargetField& field, const std::string& path, std::string& out) {
  if (!path.empty()) out += path + "\t" + field_word(field) + "\n";
  for (const TargetField& child : field.children) {
    list_fields(child, (path.empty() ? "" : path + ".") + child.key, out);
  }
  if (field.element) {
    list_fields(*field.element, path + (field.type == TargetField::Type::List ? "[]" : "{}"),
                out);
  } else if (std::string(field_word(field)) == "list") {
    out += path + "[]\tstring\n";  // a list of strings, hostnames or CIDRs
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

TEST_CASE("every key of pipelock's config is a field a policy may set, of the same type") {
  std::string actual;
  list_fields(policyc::pipelock_schema(), "", actual);
  std::string expected = read_text(POLICYC_SOURCE_DIR "/tests/data/pipelock-2.3.0-keys.txt");
  REQUIRE_FALSE(expected.empty());
  // A policy writes a timestamp as a string, which pipelock's YAML decoder reads as one.
  for (std::size_t at; (at = expected.find("\ttimestamp\n")) != std::string::npos;) {
    expected.replace(at, 11, "\tstring\n");
  }
  INFO(policyc::unified_diff(expected, actual, "tests/data/pipelock-2.3.0-keys.txt",
                             "pipelock_schema"));
  CHECK(actual == expected);
}
