// A semantic diff of two pipelock configs: what the change does to what an agent can
// reach and to what pipelock inspects, not how the text moved. Each change is ranked
// narrower or wider; a change policyc cannot rank counts as wider, so a PR gate fails
// closed.
#pragma once
#include <string>
#include <vector>

#include "runtime/input/yaml_tree.hpp"

namespace policyc {

struct ConfigChange {
  enum class Kind { Added, Removed, Changed };
  enum class Direction { Narrower, Wider, Same };
  Kind kind = Kind::Changed;
  std::string path;       // "api_allowlist", "seed_phrase_detection.enabled"
  std::string old_value;  // the value ("true", "block", a list entry); "" when absent
  std::string new_value;
  bool is_string = false;  // a string value (shown quoted), not a bool or number
  Direction direction = Direction::Wider;
  std::string note;  // why, when the direction needs a word ("a wildcard: ...")
};

enum class Verdict { Same, Narrower, Wider, Mixed };

struct ConfigDiff {
  std::vector<ConfigChange> changes;  // by key path, list entries in list order
  Verdict verdict = Verdict::Same;
};

/// Compares two configs whose keys and types pipelock accepts (validate them first).
/// An absent key counts as pipelock's file-load default, so writing a default out is
/// no change.
ConfigDiff diff_configs(const YamlNode& old_config, const YamlNode& new_config);

/// The verdict of several diffs together: any wider and any narrower make it mixed.
Verdict combine(Verdict a, Verdict b);

const char* verdict_name(Verdict verdict);
const char* direction_name(ConfigChange::Direction direction);

}  // namespace policyc
