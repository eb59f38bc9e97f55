// One scalar read from a manifest or the command line, converted to a typed value.
#pragma once
#include <optional>
#include <string>

#include "compiler/types.hpp"
#include "runtime/hostname.hpp"
#include "runtime/value.hpp"

namespace policyc {

/// Converts `text` to `type` (bool, int, string, hostname, path, cidr or enum).
/// `plain` is false for quoted YAML scalars, which are never bools or ints. Hostnames
/// come back lowercased. On failure returns nothing and sets `problem` (offsets are
/// into `text`).
std::optional<Value> convert_scalar(const std::string& text, bool plain, const Type& type,
                                    InputProblem& problem);

/// "a bool", "a hostname", "one of \"block\", \"warn\"": what a value of `type` is.
std::string describe_type(const Type& type);

}  // namespace policyc
