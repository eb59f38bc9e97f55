#include "pipelock/validate/config_tree.hpp"

#include <re2/re2.h>

#include <cerrno>
#include <cmath>
#include <cstdlib>

namespace policyc {

namespace {

// The loader was written for manifests; the same problems in a pipelock config should
// say so in its own words.
std::string reword(std::string message) {
  static const std::pair<const char*, const char*> words[] = {
      {"a manifest holds one YAML document", "a pipelock config holds one YAML document"},
      {"manifest is larger than", "pipelock config is larger than"},
      {"manifest contains a NUL byte", "pipelock config contains a NUL byte"},
      {"manifest is not valid UTF-8", "pipelock config is not valid UTF-8"},
  };
  for (const auto& [from, to] : words) {
    if (message.rfind(from, 0) == 0) return to + message.substr(std::string_view(from).size());
  }
  return message;
}

bool one_of(std::string_view s, std::initializer_list<std::string_view> words) {
  for (std::string_view w : words) {
    if (s == w) return true;
  }
  return false;
}

std::optional<std::int64_t> parse_go_int(std::string text) {
  std::string digits;
  for (char c : text) {
    if (c != '_') digits += c;
  }
  if (digits.empty()) return std::nullopt;
  std::size_t i = 0;
  bool negative = false;
  if (digits[0] == '+' || digits[0] == '-') negative = digits[i++] == '-';
  int base = 10;
  if (digits.compare(i, 2, "0x") == 0 || digits.compare(i, 2, "0X") == 0) {
    base = 16, i += 2;
  } else if (digits.compare(i, 2, "0o") == 0 || digits.compare(i, 2, "0O") == 0) {
    base = 8, i += 2;
  } else if (digits.compare(i, 2, "0b") == 0 || digits.compare(i, 2, "0B") == 0) {
    base = 2, i += 2;
  } else if (digits.size() > i + 1 && digits[i] == '0') {
    base = 8, i += 1;
  }
  if (i >= digits.size()) return std::nullopt;
  const std::string body = digits.substr(i);
  char* end = nullptr;
  errno = 0;
  const unsigned long long magnitude = std::strtoull(body.c_str(), &end, base);
  if (errno != 0 || *end != '\0' || !(std::isxdigit(static_cast<unsigned char>(body[0])))) {
    return std::nullopt;
  }
  const unsigned long long limit = negative ? 9223372036854775808ull : 9223372036854775807ull;
  if (magnitude > limit) return std::nullopt;
  if (negative) return magnitude == limit ? INT64_MIN : -static_cast<std::int64_t>(magnitude);
  return static_cast<std::int64_t>(magnitude);
}

std::optional<double> parse_yaml_float(const std::string& text) {
  if (one_of(text, {".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF"})) return HUGE_VAL;
  if (one_of(text, {"-.inf", "-.Inf", "-.INF"})) return -HUGE_VAL;
  if (one_of(text, {".nan", ".NaN", ".NAN"})) return std::nan("");
  static const re2::RE2 yaml_float("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
  std::string plain;
  for (char c : text) {
    if (c != '_') plain += c;
  }
  if (!re2::RE2::FullMatch(plain, yaml_float)) return std::nullopt;
  return std::strtod(plain.c_str(), nullptr);
}

}  // namespace

std::unique_ptr<YamlNode> load_config_tree(const SourceManager& sources, FileId file,
                                           DiagnosticSink& diags) {
  DiagnosticSink local;
  std::unique_ptr<YamlNode> tree = load_yaml_tree(sources, file, local);
  for (const Diagnostic& d : local.all()) {
    Diagnostic& copy = d.severity == Severity::Error
                           ? diags.error(d.code, d.range, reword(d.message))
                           : diags.warning(d.code, d.range, reword(d.message));
    copy.notes = d.notes;
    copy.suggestion = d.suggestion;
  }
  return tree;
}

const YamlNode* find_config_node(const YamlNode& root, std::string_view path) {
  const YamlNode* node = &root;
  while (!path.empty()) {
    const std::size_t dot = path.find('.');
    const std::string_view key = path.substr(0, dot);
    if (node->kind != YamlNode::Kind::Mapping) return nullptr;
    const YamlNode* next = nullptr;
    for (const YamlNode::Entry& entry : node->entries) {
      if (entry.key == key) next = &entry.value;
    }
    if (!next) return nullptr;
    node = next;
    path = dot == std::string_view::npos ? std::string_view() : path.substr(dot + 1);
  }
  return node;
}

std::optional<bool> config_bool(const YamlNode& node) {
  if (node.kind != YamlNode::Kind::Scalar) return std::nullopt;
  const std::string& s = node.scalar;
  if (!node.quoted) {
    if (one_of(s, {"true", "True", "TRUE"})) return true;
    if (one_of(s, {"false", "False", "FALSE"})) return false;
  }
  if (one_of(s, {"y", "Y", "yes", "Yes", "YES", "on", "On", "ON"})) return true;
  if (one_of(s, {"n", "N", "no", "No", "NO", "off", "Off", "OFF"})) return false;
  return std::nullopt;
}

std::optional<std::int64_t> config_int(const YamlNode& node) {
  if (node.kind != YamlNode::Kind::Scalar || node.quoted) return std::nullopt;
  if (auto value = parse_go_int(node.scalar)) return value;
  std::optional<double> real = parse_yaml_float(node.scalar);
  if (!real || std::isnan(*real) || std::fabs(*real) >= 9.2233720368547758e18) return std::nullopt;
  return static_cast<std::int64_t>(*real);
}

std::optional<double> config_float(const YamlNode& node) {
  if (node.kind != YamlNode::Kind::Scalar || node.quoted) return std::nullopt;
  if (auto value = parse_go_int(node.scalar)) return static_cast<double>(*value);
  return parse_yaml_float(node.scalar);
}

bool config_timestamp(const YamlNode& node) {
  if (node.kind != YamlNode::Kind::Scalar) return false;
  static const re2::RE2 timestamp(
      "[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}"
      "(([Tt]|[ \\t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(\\.[0-9]*)?"
      "([ \\t]*(Z|[-+][0-9]{1,2}(:[0-9]{2})?))?)?");
  return re2::RE2::FullMatch(node.scalar, timestamp);
}

std::string config_string(const YamlNode& node) {
  return node.kind == YamlNode::Kind::Scalar ? node.scalar : "";
}

}  // namespace policyc
