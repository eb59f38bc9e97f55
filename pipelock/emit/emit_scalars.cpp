#include "pipelock/emit/emit_scalars.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <string_view>

namespace policyc {

using Kind = Value::Kind;

bool has_written_fields(const Value& record) {
  return std::any_of(record.fields.begin(), record.fields.end(),
                     [](const auto& field) { return !field.second.is_null(); });
}

std::string join_path(const std::string& parent, const std::string& key) {
  return parent.empty() ? key : parent + "." + key;
}

std::string kind_name(const Value& v) {
  static const char* const names[] = {"null", "a bool", "an int", "a string", "a list", "a record"};
  return names[static_cast<int>(v.kind)];
}

bool omitted_in_section(const OutputNode& n) {
  return !n.is_section && n.value().kind == Kind::List && n.value().items.empty();
}

void append_quoted(std::string& out, std::string_view s) {
  out += '"';
  // Most strings (hostnames) need no escape and are copied whole.
  const bool plain_bytes = std::none_of(
      s.begin(), s.end(), [](unsigned char c) { return c == '\\' || c == '"' || is_control(c); });
  if (plain_bytes) {
    out += s;
    out += '"';
    return;
  }
  for (unsigned char c : s) {
    if (c == '\\' || c == '"') out += '\\';
    if (is_control(c)) {
      out += fmt::format("\\x{:02x}", c);
    } else {
      out += static_cast<char>(c);
    }
  }
  out += '"';
}

std::string quoted(const std::string& s) {
  std::string out;
  append_quoted(out, s);
  return out;
}

namespace {

bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

bool equals_ignoring_case(std::string_view s, std::string_view lower) {
  if (s.size() != lower.size()) return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i] >= 'A' && s[i] <= 'Z' ? static_cast<char>(s[i] - 'A' + 'a') : s[i];
    if (c != lower[i]) return false;
  }
  return true;
}

}  // namespace

// Plain only when YAML reads it back as this very string: a letter, then letters, digits
// and `_./-` (no indicator, no number), and no bool or null lookalike. Written out rather
// than as a std::regex, whose construction alone cost a tenth of a typical compile.
bool plain_safe(std::string_view s) {
  if (s.empty() || !is_ascii_letter(s[0])) return false;
  for (char c : s) {
    const bool allowed = is_ascii_letter(c) || (c >= '0' && c <= '9') || c == '_' || c == '.' ||
                         c == '/' || c == '-';
    if (!allowed) return false;
  }
  for (std::string_view word : {"true", "false", "yes", "no", "on", "off", "y", "n", "null"}) {
    if (equals_ignoring_case(s, word)) return false;
  }
  return true;
}

std::string scalar_with(const Value& v, std::string (*quote)(const std::string&)) {
  switch (v.kind) {
    case Kind::Bool:
      return v.boolean ? "true" : "false";
    case Kind::Int:
      return std::to_string(v.integer);
    case Kind::String:
      return quote(v.string.str());
    default:
      return "null";  // validation refuses these; the structure must survive anyway
  }
}

std::string scalar_text(const Value& v, bool bare) {
  if (v.kind == Kind::String && bare && plain_safe(v.string.view())) return v.string.str();
  return scalar_with(v, quoted);
}

}  // namespace policyc
