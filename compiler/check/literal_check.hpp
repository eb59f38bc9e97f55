// Checking a string literal against the refined string type it is used as.
#pragma once
#include "compiler/check/check.hpp"

namespace policyc {

/// Validates `literal` (a String expression) as a hostname, CIDR, path or enum value,
/// reporting problems at the exact characters; hostnames are normalised in place.
void check_string_literal(CheckContext& context, ast::Expr& literal, const Type& target);

}  // namespace policyc
