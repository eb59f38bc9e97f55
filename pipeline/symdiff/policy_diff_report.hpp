// The text and JSON forms of `policyc diff --old-policy A --new-policy B` without bottles.
#pragma once
#include <string>

#include "pipeline/symdiff/policy_diff.hpp"

namespace policyc {

std::string policy_diff_text(const PolicyDiff& diff);
std::string policy_diff_json(const PolicyDiff& diff);

}  // namespace policyc
