// The text and JSON forms of `policyc diff`.
#pragma once
#include <string>
#include <vector>

#include "runtime/config_diff.hpp"

namespace policyc {

/// One compared pair: a bottle compiled with the old and the new policy, or two
/// config files ("old.yaml -> new.yaml").
struct NamedDiff {
  std::string name;
  ConfigDiff diff;
};

std::string diff_text(const std::vector<NamedDiff>& diffs, Verdict verdict);
std::string diff_json(const std::vector<NamedDiff>& diffs, Verdict verdict);

}  // namespace policyc
