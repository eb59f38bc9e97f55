// One scalar read from a manifest or the command line, converted to a typed value.
#pragma once
#include <optional>
#include <string>

#include "ir/types.hpp"
#include "base/hostname.hpp"
#include "ir/value.hpp"

namespace policyc {

/// How a scalar was written. Only a plain one is ever a bool or an int; the others are
/// strings, and a hint to fix one says what made it a string.
enum class ScalarStyle {
  Plain,   // a command-line value, or YAML `true`
  Quoted,  // YAML "true" or 'true'
  Tagged,  // YAML !!str true, ! true
  Block,   // YAML | or > block scalar
};

/// Converts `text` to `type` (bool, int, string, hostname, path, cidr or enum).
/// Hostnames come back lowercased. On failure returns nothing and sets `problem`
/// (offsets are into `text`).
std::optional<Value> convert_scalar(const std::string& text, ScalarStyle style, const Type& type,
                                    InputProblem& problem);

/// "a bool", "a hostname", "one of \"block\", \"warn\"": what a value of `type` is.
std::string describe_type(const Type& type);

}  // namespace policyc
