// The part of pipelock 2.3.0's config schema that a policy may set. Which keys exist and
// what type each has come from config_keys (the one table of pipelock's keys); this adds
// only what a policy needs beyond it: which paths it may set, in the order they are
// rendered, and which string lists hold hosts or CIDRs.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace policyc {

struct TargetField {
  enum class Type { Section, Int, Bool, String, Enum, StringList, HostList, CidrList };
  std::string key;
  Type type = Type::Section;
  std::vector<std::string> enum_values;  // Enum, and Int fields restricted to a set
  bool bare = false;                     // render the string unquoted (`mode: strict`)
  std::vector<TargetField> children;     // Section
};

/// The output target this schema describes: `output pipelock { ... }`.
inline constexpr std::string_view kPipelockTarget = "pipelock";

/// The root section: the top-level keys of a pipelock config, in pipelock's order.
const TargetField& pipelock_schema();

/// Child `key` of a section, or nullptr.
const TargetField* find_target_field(const TargetField& section, std::string_view key);

/// Names of a section's children, for "did you mean".
std::vector<std::string> target_field_names(const TargetField& section);

const char* target_type_name(TargetField::Type type);

}  // namespace policyc
