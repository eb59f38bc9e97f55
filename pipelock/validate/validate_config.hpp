// `policyc validate`: what pipelock 2.3.0 accepts when it loads a config file
// (config.Load: strict decode, then Validate), checked statically with exact positions.
#pragma once
#include "base/diagnostic.hpp"
#include "runtime/input/yaml_tree.hpp"

namespace policyc {

/// Checks `file` (already in `sources`): YAML well-formed, one document, no duplicate
/// key, every key known at every depth, every value of its field's type, and the
/// value rules of pipelock's Validate. Errors are what pipelock would refuse; warnings
/// are what it accepts but a reviewer should know (an api_allowlist that is not
/// enforced, a file pipelock checks only when it starts). True when no error.
bool validate_pipelock_config(const SourceManager& sources, FileId file, DiagnosticSink& diags);

/// The key and type check alone, on a tree already loaded.
void check_config_structure(const YamlNode& root, DiagnosticSink& diags);

/// The value rules alone (modes, actions, CIDRs, hostname lists, requirements).
void check_config_rules(const YamlNode& root, DiagnosticSink& diags);

}  // namespace policyc
