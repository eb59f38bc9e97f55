// The text and JSON forms of `policyc diff`.
#pragma once
#include <string>
#include <vector>

#include "pipelock/diff/config_diff.hpp"

namespace policyc {

/// One compared pair: a bottle compiled with the old and the new policy, or two
/// config files ("old.yaml -> new.yaml").
struct NamedDiff {
  std::string name;
  ConfigDiff diff;
  bool failed = false;  // the new policy refuses the bottle: no diff (its errors are on stderr)
};

/// Names are shown as diagnostics show them (printable_text): a bottle's file name
/// cannot add a line or a terminal escape to the report. JSON keeps them exact.
std::string diff_text(const std::vector<NamedDiff>& diffs, Verdict verdict);
std::string diff_json(const std::vector<NamedDiff>& diffs, Verdict verdict);

}  // namespace policyc
