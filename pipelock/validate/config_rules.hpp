// The value rules of pipelock 2.3.0's config.Validate, over a config tree whose keys
// and types have been checked (a value of the wrong type is skipped here, having been
// reported already). Private to pipelock/validate/config_rules_*.cpp.
#pragma once
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include "base/diagnostic.hpp"
#include "runtime/input/yaml_tree.hpp"

namespace policyc {

/// A mapping of the config and its key path: the root, a section, a list element.
struct ConfigScope {
  const YamlNode* node = nullptr;  // nullptr or a non-mapping: every key reads as absent
  std::string path;                // "" for the root

  std::string join(std::string_view key) const;
  /// The value of `key` ("a.b" walks down), or nullptr when absent or null.
  const YamlNode* get(std::string_view key) const;
  /// The key itself, for reporting an entry as a whole.
  const YamlNode::Entry* entry(std::string_view key) const;
  ConfigScope child(std::string_view key) const { return {get(key), join(key)}; }
};

/// Whether mapping `map` has `key`, looked up as one key: map keys may hold dots.
bool has_config_key(const YamlNode* map, const std::string& key);

class ConfigRules {
 public:
  ConfigRules(const YamlNode& root, DiagnosticSink& diags) : root_{&root, ""}, diags_(diags) {}

  void run();

 private:
  // Rule groups, in pipelock's order (config_rules_core.cpp, _sections.cpp, _features.cpp).
  void mode_and_allowlist();
  void logging_and_dlp();
  void scanning_sections();
  void proxy_sections();
  void network_lists();
  void listeners_and_emit();
  void feature_sections();
  void identity_sections();
  void suppress_entries();
  void scan_api();
  void watch_paths();
  void airlock();
  void dlp_pattern(const ConfigScope& pattern);
  void tool_policy(const ConfigScope& policy);
  void agent(const YamlNode::Entry& entry);

  // Helpers: each reports at the exact node and does nothing when the value is absent.
  bool flag(const ConfigScope& scope, std::string_view key, bool absent) const;
  bool enabled(std::string_view section, bool absent = false) const;
  std::string text(const ConfigScope& scope, std::string_view key) const;
  std::optional<std::int64_t> integer(const ConfigScope& scope, std::string_view key) const;
  void choice(const ConfigScope& scope, std::string_view key,
              std::initializer_list<const char*> values);
  /// The choices config_keys gives the key; its zero value ("" or 0) is the default,
  /// accepted unless `empty_ok` is false (a rule pipelock runs after no default).
  void schema_choice(const ConfigScope& scope, std::string_view key, bool empty_ok = true);
  void not_negative(const ConfigScope& scope, std::string_view key);
  void require(const ConfigScope& scope, std::string_view key, const std::string& because);
  /// Reports `key` as required: at the key when it is written, else at its mapping.
  void missing(const ConfigScope& scope, std::string_view key, const std::string& because);
  void require_enabled(std::string_view section, std::string_view needed);
  void duration(const ConfigScope& scope, std::string_view key);
  void go_regexp(const ConfigScope& scope, std::string_view key);
  void domain_list(const ConfigScope& scope, std::string_view key);
  void cidr_list(const ConfigScope& scope, std::string_view key, bool ssrf_rules);
  void covering_cidrs(const YamlNode& list, const std::string& path);
  void no_empty_entries(const ConfigScope& scope, std::string_view key);
  void glob_list(const ConfigScope& scope, std::string_view key);
  void go_glob(const ConfigScope& scope, std::string_view key);
  void http_url(const ConfigScope& scope, std::string_view key);
  void unmatchable_hosts(const ConfigScope& scope, std::string_view key);
  void host_port(const ConfigScope& scope, std::string_view key);
  void environment_dependent(const ConfigScope& scope, std::string_view key,
                             const std::string& what);
  /// Where a section-level problem is reported: its `enabled` value, else its key.
  SourceRange section_range(std::string_view section) const;
  Diagnostic& error(const char* code, SourceRange range, std::string message);

  ConfigScope root_;
  DiagnosticSink& diags_;
};

}  // namespace policyc
