// Turning written types (`list<Route>`, `hostname?`) into checked types.
#pragma once
#include "ir/ast.hpp"
#include "compiler/check/check.hpp"

namespace policyc {

inline constexpr const char* kBuiltinTypeNames[] = {"bool",     "int",  "string",
                                                    "hostname", "path", "cidr"};

/// The type `written` denotes; unknown names are reported (with "did you mean") and
/// give the error type, which later checks accept silently.
TypeRef resolve_type(CheckContext& context, const ast::TypeExpr& written);

}  // namespace policyc
