// Every key a pipelock 2.3.0 config file may hold, with the YAML type its Go field
// decodes from. pipelock decodes with unknown keys forbidden at every depth, so this
// is the whole vocabulary of a valid file (`policyc validate`, `policyc diff`).
// It is the one table of pipelock's keys: every section, the enterprise `agents` map
// included; pipelock/schema/output_schema.cpp derives what a policy may set from it, and
// tests/pipelock_schema_test.cpp pins it to pipelock 2.3.0's config structs.
#pragma once
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace policyc {

struct ConfigKey {
  enum class Type { Struct, Int, Float, Bool, String, Timestamp, List, Map };
  std::string_view name;  // a literal; "" for a list element or map value
  Type type = Type::Struct;
  bool pointer = false;                // Go `*bool`/`*int`: absent differs from zero
  // Struct: its keys, in pipelock's order. Shared, so that building the table (at every
  // run that needs it) copies a key without copying everything below it.
  std::shared_ptr<const std::vector<ConfigKey>> members;
  std::shared_ptr<ConfigKey> element;  // List and Map: the element type
  /// String or Int: the values pipelock accepts besides the zero value, which means its
  /// default; empty when any value of the type is accepted. Both `policyc validate` and
  /// the fields a policy may set take a key's choices from here.
  std::vector<std::string> choices;

  const std::vector<ConfigKey>& fields() const;
  const ConfigKey* field(std::string_view key) const;
  std::vector<std::string> field_names() const;
};

/// The top level of a pipelock config: a Struct of its 56 keys.
const ConfigKey& pipelock_config_root();

/// The key at dotted `path` ("tls_interception.enabled"), stepping through a map by any
/// name ("agents.NAME.mode", a name may hold dots) and into a list's element by an index
/// ("dlp.patterns[0].regex"); nullptr when pipelock has no such key.
const ConfigKey* find_config_key(std::string_view path);

/// "an integer", "a list", "a mapping"...: what a value of `type` is written as.
const char* config_type_phrase(ConfigKey::Type type);

}  // namespace policyc
