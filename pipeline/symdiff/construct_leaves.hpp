// Which manifest fields and parameters each construct of a policy reads: the leaves whose
// values together decide a rule (its condition and statements) or an output item (its
// value and the conditions of the sections around it). The all-bottles diff tries every
// combination of the leaves one construct reads, not only pairs.
#pragma once
#include <string>
#include <vector>

#include "ir/program.hpp"

namespace policyc {

struct ConstructLeaves {
  SourceRange where;               // the rule's or output item's name
  std::vector<std::string> paths;  // "egress.allowlist", "supervise", "params.ca_cert"; sorted
};

/// Every rule and output item of `program` with the leaves it reads, through `let` and
/// constant names (not through the sets it reads: their rules are constructs too).
std::vector<ConstructLeaves> construct_leaves(const ir::Program& program);

}  // namespace policyc
