// pipelock 2.3.0's config schema as a policy sees it: every key of config_keys (the one
// table of pipelock's keys) is a field a policy may set, with the type its value takes.
// This adds only what a policy needs beyond config_keys: which string lists hold hosts or
// CIDRs, which strings are durations or Go regexps, which record fields pipelock
// requires, and which value is written bare.
#pragma once
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace policyc {

struct TargetField {
  enum class Type {
    Section,     // a mapping written as a block: `key { ... }`
    Int,
    Bool,
    String,
    Enum,        // a string, one of enum_values
    StringList,
    HostList,
    CidrList,
    Number,      // a Go float; a policy writes a whole number
    Record,      // a mapping written as a value (a list's element, a map's value)
    List,        // of `element`, when it is not a string
    Map,         // from names to `element`
  };
  /// What pipelock makes of a string besides storing it.
  enum class Text { Plain, Duration, Regexp };
  std::string key;
  Type type = Type::Section;
  std::vector<std::string> enum_values;  // Enum, and Int fields restricted to a set
  bool bare = false;                     // render the string unquoted (`mode: strict`)
  bool required = false;                 // a Record's field pipelock refuses to be without
  bool trusted_domains = false;          // HostList: pipelock's ValidateTrustedDomains rules
  Text text = Text::Plain;               // String
  std::vector<TargetField> children;     // Section and Record: the fields
  std::shared_ptr<const TargetField> element;  // List and Map: each element or value
};

/// The output target this schema describes: `output pipelock { ... }`.
inline constexpr std::string_view kPipelockTarget = "pipelock";

/// The root section: the top-level keys of a pipelock config, in pipelock's order.
const TargetField& pipelock_schema();

/// Child `key` of a section or record, or nullptr.
const TargetField* find_target_field(const TargetField& section, std::string_view key);

/// Names of a section's or record's children, for "did you mean".
std::vector<std::string> target_field_names(const TargetField& section);

/// "int", "list of hostnames", "list of records"...: the type as a message names it.
std::string target_type_name(const TargetField& field);

}  // namespace policyc
