// A pipelock config as pipelock uses it: every scalar and list by key path, with
// pipelock's file-load default for each setting `policyc diff` ranks, so a default
// written out and a key left out read the same.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "runtime/input/yaml_tree.hpp"

namespace policyc {

struct EffectiveScalar {
  std::string raw;  // "true", "12", the string itself
  bool is_string = false;
};

struct EffectiveConfig {
  // Paths like "tls_interception.enabled"; a list of records contributes its elements'
  // fields as "dlp.patterns[\"name\"].regex" (by `name`, else by index), so
  // reordering such a list is no change.
  std::map<std::string, EffectiveScalar> scalars;
  std::map<std::string, std::vector<std::string>> lists;  // lists of scalars
  bool default_internal = false;  // `internal` absent: pipelock's 12 default CIDRs
};

/// Reads a config whose keys and types pipelock accepts (unknown keys are skipped).
EffectiveConfig effective_config(const YamlNode& root);

/// A setting whose change has a known direction.
struct RankedSetting {
  const char* path;
  const char* absent;              // what pipelock uses when the key is absent
  std::vector<const char*> order;  // from the most restrictive value to the least
};

const std::vector<RankedSetting>& ranked_settings();

}  // namespace policyc
