// Prints a YAML file as canonical JSON the way a YAML 1.2 reader (pipelock's Go yaml.v3)
// resolves it, read by yaml-cpp: the one side of tests/differential/second_parser_test.py.
// yaml-cpp leaves plain scalars untyped, so their type is resolved here by the YAML 1.2
// core schema; a quoted scalar is always a string.
#include <re2/re2.h>
#include <yaml-cpp/yaml.h>

#include <iostream>
#include <nlohmann/json.hpp>
#include <string>

namespace {

using Json = nlohmann::json;  // keys sorted: key order is not part of a config

Json plain_scalar(const std::string& text) {
  static const re2::RE2 null_word("~|null|Null|NULL");
  static const re2::RE2 true_word("true|True|TRUE");
  static const re2::RE2 false_word("false|False|FALSE");
  static const re2::RE2 decimal("[-+]?[0-9]+");
  static const re2::RE2 octal("0o[0-7]+");
  static const re2::RE2 hex("0x[0-9a-fA-F]+");
  static const re2::RE2 real(R"([-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?)");
  if (text.empty() || re2::RE2::FullMatch(text, null_word)) return nullptr;
  if (re2::RE2::FullMatch(text, true_word)) return true;
  if (re2::RE2::FullMatch(text, false_word)) return false;
  if (re2::RE2::FullMatch(text, decimal)) return std::stoll(text);
  if (re2::RE2::FullMatch(text, octal)) return std::stoll(text.substr(2), nullptr, 8);
  if (re2::RE2::FullMatch(text, hex)) return std::stoll(text.substr(2), nullptr, 16);
  if (re2::RE2::FullMatch(text, real)) return std::stod(text);
  return text;
}

Json view(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Map: {
      Json out = Json::object();
      for (const auto& entry : node) out[entry.first.Scalar()] = view(entry.second);
      return out;
    }
    case YAML::NodeType::Sequence: {
      Json out = Json::array();
      for (const auto& item : node) out.push_back(view(item));
      return out;
    }
    case YAML::NodeType::Scalar:
      return node.Tag() == "!" ? Json(node.Scalar()) : plain_scalar(node.Scalar());
    default:
      return nullptr;
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: yaml_cpp_view FILE.yaml\n";
    return 2;
  }
  try {
    std::cout << view(YAML::LoadFile(argv[1])).dump(-1, ' ', true) << '\n';
  } catch (const YAML::Exception& e) {
    std::cerr << argv[1] << ": " << e.what() << '\n';
    return 1;
  }
  return 0;
}
