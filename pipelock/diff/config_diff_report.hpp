// The text and JSON forms of `policyc diff`.
#pragma once
#include <string>
#include <vector>

#include "base/json_writer.hpp"
#include "pipelock/diff/config_diff.hpp"

namespace policyc {

/// One compared pair: a bottle compiled with the old and the new policy, or two
/// config files ("old.yaml -> new.yaml").
struct NamedDiff {
  std::string name;
  ConfigDiff diff;
  bool failed = false;  // the new policy refuses the bottle: no diff (its errors are on stderr)
};

/// The values of a change as its line shows them: "\"pypi.org\"", "true -> false".
std::string values_text(const ConfigChange& change);
/// One change on one line: "+ api_allowlist: \"pypi.org\"  [wider]".
std::string change_text(const ConfigChange& change);
/// One change as a JSON object: path, change, old, new, direction, note.
Json change_json(const ConfigChange& change);

/// Names are shown as diagnostics show them (printable_text): a bottle's file name
/// cannot add a line or a terminal escape to the report. JSON keeps them exact.
std::string diff_text(const std::vector<NamedDiff>& diffs, Verdict verdict);
std::string diff_json(const std::vector<NamedDiff>& diffs, Verdict verdict);

}  // namespace policyc
