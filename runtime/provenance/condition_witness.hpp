// Why a `when` condition came out as it did: the manifest nodes and parameters its
// deciding sub-expressions read. For `any(x in l: p)` that holds, the element that
// satisfied `p`; for `a and b` that fails, only the operand that failed.
#pragma once
#include <vector>

#include "ir/ast.hpp"
#include "ir/evaluate.hpp"

namespace policyc {

struct ConditionResult {
  bool holds = false;
  std::vector<Provenance> witnesses;  // each once
};

/// `inputs_only`: name only manifest nodes and parameters (what a bottle's author can
/// change); otherwise constants and defaults the expression read too.
ConditionResult explain_condition(const ast::Expr& condition, EvalEnv& env,
                                  bool inputs_only = true);

}  // namespace policyc
