#include "runtime/input/scalar_convert.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>

#include "base/diagnostic.hpp"
#include "base/value_prefix.hpp"

namespace policyc {

namespace {

// The YAML 1.1 spellings PyYAML (the reference's loader) reads as bools.
std::optional<bool> yaml_bool(std::string_view text) {
  static const char* const kTrue[] = {"true", "True", "TRUE", "yes", "Yes",
                                      "YES",  "on",   "On",   "ON"};
  static const char* const kFalse[] = {"false", "False", "FALSE", "no", "No",
                                       "NO",    "off",   "Off",   "OFF"};
  for (const char* spelling : kTrue) {
    if (text == spelling) return true;
  }
  for (const char* spelling : kFalse) {
    if (text == spelling) return false;
  }
  return std::nullopt;
}

// What turned a would-be bool or integer into a string, and how to undo it.
const char* string_fix(ScalarStyle style) {
  switch (style) {
    case ScalarStyle::Quoted:
      return "; remove the quotes";
    case ScalarStyle::Tagged:
      return " (tagged as a string); remove the tag";
    case ScalarStyle::Block:
      return " (a block scalar); write the value plain, on the key's line";
    case ScalarStyle::Plain:
      break;
  }
  return "";
}

std::string given(const std::string& text, ScalarStyle style) {
  return style == ScalarStyle::Plain ? fmt::format("'{}'", value_prefix(text))
                                     : fmt::format("the string \"{}\"", value_prefix(text));
}

}  // namespace

std::string describe_type(const Type& type) {
  switch (type.kind) {
    case Type::Kind::Bool:
      return "a bool (true or false)";
    case Type::Kind::Int:
      return "an integer";
    case Type::Kind::String:
      return "a string";
    case Type::Kind::Hostname:
      return "a hostname";
    case Type::Kind::Path:
      return "a path";
    case Type::Kind::Cidr:
      return "a CIDR";
    case Type::Kind::Enum: {
      std::vector<std::string> quoted;
      for (const std::string& v : type.enum_values) quoted.push_back("\"" + v + "\"");
      return quoted.size() == 1 ? quoted[0] : fmt::format("one of {}", fmt::join(quoted, ", "));
    }
    case Type::Kind::List:
      return fmt::format("a list of {}", type_name(*type.element));
    case Type::Kind::Map:
      return fmt::format("a mapping of names to {}", type_name(*type.element));
    case Type::Kind::Record:
      return "a mapping (KEY: value)";
    default:
      return type_name(type);
  }
}

std::optional<Value> convert_scalar(const std::string& text, ScalarStyle style, const Type& type,
                                    InputProblem& problem) {
  problem = {};
  const bool plain = style == ScalarStyle::Plain;
  // `|` keeps the line break after `true`; the hint to write it plain applies all the same.
  const std::string_view bare = style == ScalarStyle::Block
                                    ? std::string_view(text).substr(0, text.find_last_not_of('\n') + 1)
                                    : std::string_view(text);
  switch (type.kind) {
    case Type::Kind::Bool: {
      if (auto b = yaml_bool(bare)) {
        if (plain) return Value::of_bool(*b);
        problem.message =
            fmt::format("expected a bool, got the string \"{}\"{}", value_prefix(text),
                        string_fix(style));
        return std::nullopt;
      }
      problem.message = fmt::format("expected a bool (true or false), got {}", given(text, style));
      return std::nullopt;
    }
    case Type::Kind::Int: {
      std::int64_t value = 0;
      auto [ptr, ec] = std::from_chars(bare.data(), bare.data() + bare.size(), value);
      if (ec == std::errc() && ptr == bare.data() + bare.size() && !bare.empty()) {
        if (plain) return Value::of_int(value);
        problem.message =
            fmt::format("expected an integer, got the string \"{}\"{}", value_prefix(text),
                        string_fix(style));
        return std::nullopt;
      }
      problem.message = fmt::format("expected an integer, got {}", given(text, style));
      return std::nullopt;
    }
    case Type::Kind::String:
      return Value::of_string(text);
    case Type::Kind::Hostname: {
      std::string normalized;
      if (auto p = check_hostname(text, normalized)) {
        problem = *p;
        return std::nullopt;
      }
      return Value::of_string(normalized);
    }
    case Type::Kind::Path:
      if (auto p = check_path(text)) {
        problem = *p;
        return std::nullopt;
      }
      return Value::of_string(text);
    case Type::Kind::Cidr: {
      std::string canonical;
      if (auto p = check_cidr(text, canonical)) {
        problem = *p;
        return std::nullopt;
      }
      return Value::of_string(text);  // as written, like the reference; it is valid
    }
    case Type::Kind::Enum: {
      if (std::find(type.enum_values.begin(), type.enum_values.end(), text) !=
          type.enum_values.end()) {
        return Value::of_string(text);
      }
      problem.message = fmt::format("'{}' is not {}", value_prefix(text), describe_type(type));
      problem.suggestion = closest_name(text, type.enum_values);
      return std::nullopt;
    }
    default:
      problem.message =
          fmt::format("expected {}, got '{}'", describe_type(type), value_prefix(text));
      return std::nullopt;
  }
}

}  // namespace policyc
