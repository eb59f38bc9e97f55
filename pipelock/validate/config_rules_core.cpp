// The helpers of ConfigRules, and the rules on what a bottle can reach: mode and
// allowlist, DLP, the SSRF lists and trusted domains.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <set>

#include "base/hostname.hpp"
#include "pipelock/schema/config_keys.hpp"
#include "pipelock/schema/go_duration.hpp"
#include "pipelock/schema/go_glob.hpp"
#include "pipelock/schema/go_regexp.hpp"
#include "pipelock/schema/host_match.hpp"
#include "pipelock/schema/text_shapes.hpp"
#include "pipelock/validate/config_rules.hpp"
#include "pipelock/validate/config_tree.hpp"
#include "pipelock/validate/validate_config.hpp"

namespace policyc {

std::string ConfigScope::join(std::string_view key) const {
  return path.empty() ? std::string(key) : path + "." + std::string(key);
}

const YamlNode* ConfigScope::get(std::string_view key) const {
  if (!node) return nullptr;
  const YamlNode* found = find_config_node(*node, key);
  return found && found->kind != YamlNode::Kind::Null ? found : nullptr;
}

const YamlNode::Entry* ConfigScope::entry(std::string_view key) const {
  const std::size_t dot = key.rfind('.');
  const YamlNode* parent = dot == std::string_view::npos ? node : get(key.substr(0, dot));
  if (!parent || parent->kind != YamlNode::Kind::Mapping) return nullptr;
  const std::string_view last = dot == std::string_view::npos ? key : key.substr(dot + 1);
  for (const YamlNode::Entry& e : parent->entries) {
    if (e.key == last) return &e;
  }
  return nullptr;
}

namespace {

std::string lowercase(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string trim_space(const std::string& s) {
  const std::size_t begin = s.find_first_not_of(" \t\n\v\f\r");
  if (begin == std::string::npos) return "";
  return s.substr(begin, s.find_last_not_of(" \t\n\v\f\r") + 1 - begin);
}

std::string bad_glob_message(const std::string& what, const std::string& pattern) {
  return fmt::format(
      "{} '{}' is not a valid glob: a '[' class must be closed and hold at "
      "least one character or range, and a '\\' must escape something",
      what, pattern);
}

// Go's time.ParseDuration grammar, and above zero (linear: a regex overflows the stack
// on a long value).
bool positive_duration(const std::string& s) { return is_positive_go_duration(s); }

}  // namespace

// ---- helpers -----------------------------------------------------------------------

bool has_config_key(const YamlNode* map, const std::string& key) {
  if (!map) return false;
  for (const YamlNode::Entry& entry : map->entries) {
    if (entry.key == key) return true;
  }
  return false;
}

Diagnostic& ConfigRules::error(const char* code, SourceRange range, std::string message) {
  return diags_.error(code, range, std::move(message));
}

bool ConfigRules::flag(const ConfigScope& scope, std::string_view key, bool absent) const {
  const YamlNode* node = scope.get(key);
  std::optional<bool> value = node ? config_bool(*node) : std::nullopt;
  return value.value_or(absent);
}

bool ConfigRules::enabled(std::string_view section, bool absent) const {
  return flag(root_.child(section), "enabled", absent);
}

std::string ConfigRules::text(const ConfigScope& scope, std::string_view key) const {
  const YamlNode* node = scope.get(key);
  return node ? config_string(*node) : "";
}

std::optional<std::int64_t> ConfigRules::integer(const ConfigScope& scope,
                                                 std::string_view key) const {
  const YamlNode* node = scope.get(key);
  return node ? config_int(*node) : std::nullopt;
}

void ConfigRules::choice(const ConfigScope& scope, std::string_view key,
                         std::initializer_list<const char*> values) {
  const YamlNode* node = scope.get(key);
  if (!node || node->kind != YamlNode::Kind::Scalar) return;
  std::vector<std::string> allowed;
  for (const char* v : values) {
    if (node->scalar == v) return;
    if (*v) allowed.push_back(v);
  }
  Diagnostic& d = error("E0703", node->range,
                        fmt::format("{} '{}' is not one of {}", scope.join(key), node->scalar,
                                    fmt::join(allowed, ", ")));
  add_suggestion(d, node->scalar, allowed);
}

void ConfigRules::schema_choice(const ConfigScope& scope, std::string_view key, bool empty_ok) {
  const YamlNode* node = scope.get(key);
  if (!node || node->kind != YamlNode::Kind::Scalar) return;
  const std::string path = scope.join(key);
  const ConfigKey* schema = find_config_key(path);
  const std::string value = config_string(*node);
  if (!schema || (value.empty() && empty_ok) ||
      (schema->type == ConfigKey::Type::Int && value == "0")) {
    return;
  }
  const std::vector<std::string>& allowed = schema->choices;
  if (std::find(allowed.begin(), allowed.end(), value) != allowed.end()) return;
  Diagnostic& d =
      error("E0703", node->range,
            fmt::format("{} '{}' is not one of {}", path, node->scalar, fmt::join(allowed, ", ")));
  // A number one off is no typo: "did you mean" is for words.
  if (schema->type == ConfigKey::Type::String) add_suggestion(d, node->scalar, allowed);
}

void ConfigRules::not_negative(const ConfigScope& scope, std::string_view key) {
  std::optional<std::int64_t> value = integer(scope, key);
  if (!value || *value >= 0) return;
  error("E0707", scope.get(key)->range,
        fmt::format("{} is {}; pipelock 2.3.0 refuses a negative value", scope.join(key), *value));
}

void ConfigRules::require(const ConfigScope& scope, std::string_view key,
                          const std::string& because) {
  const YamlNode* node = scope.get(key);
  if (node && !(node->kind == YamlNode::Kind::Scalar && trim_space(node->scalar).empty()) &&
      !(node->kind == YamlNode::Kind::Sequence && node->items.empty())) {
    return;
  }
  missing(scope, key, because);
}

void ConfigRules::missing(const ConfigScope& scope, std::string_view key,
                          const std::string& because) {
  const YamlNode::Entry* entry = scope.entry(key);
  SourceRange at = entry ? entry->key_range : scope.node ? scope.node->range : SourceRange{};
  error("E0708", at, fmt::format("{} is required {}", scope.join(key), because));
}

void ConfigRules::require_enabled(std::string_view section, std::string_view needed) {
  if (!enabled(section) || enabled(needed)) return;
  error("E0708", section_range(section),
        fmt::format("{} needs {}.enabled: true; pipelock 2.3.0 refuses it alone", section, needed));
}

SourceRange ConfigRules::section_range(std::string_view section) const {
  ConfigScope scope = root_.child(section);
  if (const YamlNode* on = scope.get("enabled")) return on->range;
  const YamlNode::Entry* entry = root_.entry(section);
  return entry ? entry->key_range : SourceRange{};
}

void ConfigRules::duration(const ConfigScope& scope, std::string_view key) {
  const YamlNode* node = scope.get(key);
  if (!node || node->kind != YamlNode::Kind::Scalar || positive_duration(node->scalar)) return;
  error("E0707", node->range,
        fmt::format("{} '{}' is not a positive duration such as 24h, 90m or 2s", scope.join(key),
                    node->scalar));
}

// pipelock compiles each pattern with Go's regexp.Compile as it loads the config.
void ConfigRules::go_regexp(const ConfigScope& scope, std::string_view key) {
  const YamlNode* node = scope.get(key);
  if (!node || node->kind != YamlNode::Kind::Scalar || node->scalar.empty()) return;
  const std::string problem = go_regexp_error(node->scalar);
  if (problem.empty()) return;
  error("E0707", node->range,
        fmt::format("{} is not a valid regexp: {}", scope.join(key), problem));
}

void ConfigRules::domain_list(const ConfigScope& scope, std::string_view key) {
  const YamlNode* list = scope.get(key);
  if (!list || list->kind != YamlNode::Kind::Sequence) return;
  for (std::size_t i = 0; i < list->items.size(); ++i) {
    const YamlNode& item = list->items[i];
    if (item.kind == YamlNode::Kind::Sequence || item.kind == YamlNode::Kind::Mapping) continue;
    // pipelock trims the entry before judging it.
    const std::string problem =
        describe_trusted_domain_problem(trusted_domain_problem(trim_space(config_string(item))));
    if (problem.empty()) continue;
    error("E0706", item.range,
          fmt::format("{}[{}] '{}': {}", scope.join(key), i, config_string(item), problem));
  }
}

void ConfigRules::cidr_list(const ConfigScope& scope, std::string_view key, bool ssrf_rules) {
  const YamlNode* list = scope.get(key);
  if (!list || list->kind != YamlNode::Kind::Sequence) return;
  for (std::size_t i = 0; i < list->items.size(); ++i) {
    const YamlNode& item = list->items[i];
    if (item.kind == YamlNode::Kind::Sequence || item.kind == YamlNode::Kind::Mapping) continue;
    std::string canonical;
    std::optional<InputProblem> problem = check_cidr(config_string(item), canonical);
    if (!problem) continue;
    // Only ssrf.ip_allowlist refuses a catch-all or host bits; elsewhere Go's
    // net.ParseCIDR accepts both.
    const bool parse_error = problem->message.find("host bits") == std::string::npos &&
                             problem->message.find("catch-all") == std::string::npos;
    if (!ssrf_rules && !parse_error) continue;
    Diagnostic& d =
        error("E0705", item.range, fmt::format("{}[{}]: {}", scope.join(key), i, problem->message));
    if (!problem->suggestion.empty()) {
      d.suggestion = problem->suggestion;
      d.message += fmt::format("; did you mean '{}'?", problem->suggestion);
    }
  }
  if (ssrf_rules) covering_cidrs(*list, scope.join(key));
}

// pipelock 2.3.0 loads a list whose entries add up to a whole family, but it exempts every
// address from SSRF checks exactly as the /0 it refuses would.
void ConfigRules::covering_cidrs(const YamlNode& list, const std::string& path) {
  std::vector<std::string> cidrs;
  std::vector<const YamlNode*> nodes;
  for (const YamlNode& item : list.items) {
    if (item.kind != YamlNode::Kind::Scalar) continue;
    cidrs.push_back(item.scalar);
    nodes.push_back(&item);
  }
  std::string family;
  const std::vector<std::size_t> covering = cidrs_covering_a_family(cidrs, family);
  if (covering.empty()) return;
  Diagnostic& d =
      diags_.warning("E0714", nodes[covering.front()]->range,
                     fmt::format("{}: {}", path, covering_cidrs_message(cidrs, covering, family)));
  for (std::size_t n = 1; n < covering.size() && n < 8; ++n) {
    d.notes.push_back({nodes[covering[n]]->range, "together with this entry"});
  }
}

void ConfigRules::no_empty_entries(const ConfigScope& scope, std::string_view key) {
  const YamlNode* list = scope.get(key);
  if (!list || list->kind != YamlNode::Kind::Sequence) return;
  for (std::size_t i = 0; i < list->items.size(); ++i) {
    const YamlNode& item = list->items[i];
    if (item.kind == YamlNode::Kind::Null ||
        (item.kind == YamlNode::Kind::Scalar && trim_space(item.scalar).empty())) {
      error("E0706", item.range, fmt::format("{}[{}] is empty", scope.join(key), i));
    }
  }
}

// pipelock's validatePathGlobs: each entry present (an exact "" only) and a valid glob.
void ConfigRules::glob_list(const ConfigScope& scope, std::string_view key) {
  const YamlNode* list = scope.get(key);
  if (!list || list->kind != YamlNode::Kind::Sequence) return;
  for (std::size_t i = 0; i < list->items.size(); ++i) {
    const YamlNode& item = list->items[i];
    if (item.kind != YamlNode::Kind::Scalar && item.kind != YamlNode::Kind::Null) continue;
    const std::string pattern = item.kind == YamlNode::Kind::Null ? "" : config_string(item);
    if (pattern.empty()) {
      error("E0706", item.range, fmt::format("{}[{}] is empty", scope.join(key), i));
    } else if (is_bad_go_glob(pattern)) {
      error("E0707", item.range,
            bad_glob_message(fmt::format("{}[{}]", scope.join(key), i), pattern));
    }
  }
}

void ConfigRules::go_glob(const ConfigScope& scope, std::string_view key) {
  const YamlNode* node = scope.get(key);
  if (!node || node->kind != YamlNode::Kind::Scalar || !is_bad_go_glob(node->scalar)) return;
  error("E0707", node->range, bad_glob_message(scope.join(key), node->scalar));
}

void ConfigRules::http_url(const ConfigScope& scope, std::string_view key) {
  const YamlNode* node = scope.get(key);
  if (!node || node->kind != YamlNode::Kind::Scalar || node->scalar.empty()) return;
  if (is_url_with_host(node->scalar, true)) return;
  error("E0707", node->range,
        fmt::format("{} '{}' is not an http:// or https:// URL with a host", scope.join(key),
                    node->scalar));
}

void ConfigRules::host_port(const ConfigScope& scope, std::string_view key) {
  const YamlNode* node = scope.get(key);
  if (!node || node->kind != YamlNode::Kind::Scalar || node->scalar.empty()) return;
  if (is_host_port(node->scalar)) return;
  error("E0707", node->range,
        fmt::format("{} '{}' is not host:port (for example 127.0.0.1:9090)", scope.join(key),
                    node->scalar));
}

// pipelock does not validate these lists, so an entry that can never match a CONNECT
// hostname is accepted silently; the reviewer should hear of it.
void ConfigRules::unmatchable_hosts(const ConfigScope& scope, std::string_view key) {
  const YamlNode* list = scope.get(key);
  if (!list || list->kind != YamlNode::Kind::Sequence) return;
  for (std::size_t i = 0; i < list->items.size(); ++i) {
    const YamlNode& item = list->items[i];
    if (item.kind != YamlNode::Kind::Scalar) continue;
    const std::string& host = item.scalar;
    const char* why = host.empty()                                         ? "it is empty"
                      : host.find("://") != std::string::npos              ? "it is a URL"
                      : host.find_first_of("/:") != std::string::npos      ? "it has a port or path"
                      : host.find_first_of(" \t\r\n") != std::string::npos ? "it has whitespace"
                                                                           : nullptr;
    if (!why) continue;
    diags_.warning("E0713", item.range,
                   fmt::format("{}[{}] '{}' never matches: {}, and pipelock compares bare "
                               "hostnames",
                               scope.join(key), i, host, why));
  }
}

void ConfigRules::environment_dependent(const ConfigScope& scope, std::string_view key,
                                        const std::string& what) {
  const YamlNode::Entry* entry = scope.entry(key);
  diags_.warning(
      "E0711", entry ? entry->key_range : section_range(scope.path),
      fmt::format("{} is checked only when pipelock loads the config: {}", scope.join(key), what));
}

// ---- rules ---------------------------------------------------------------------------

void check_config_rules(const YamlNode& root, DiagnosticSink& diags) {
  ConfigRules(root, diags).run();
}

void ConfigRules::run() {
  mode_and_allowlist();
  logging_and_dlp();
  scanning_sections();
  proxy_sections();
  network_lists();
  listeners_and_emit();
  feature_sections();
  identity_sections();
  suppress_entries();
  scan_api();
  watch_paths();
}

void ConfigRules::mode_and_allowlist() {
  schema_choice(root_, "mode");
  const std::string mode = text(root_, "mode").empty() ? "balanced" : text(root_, "mode");
  const YamlNode* allowlist = root_.get("api_allowlist");
  const bool empty =
      !allowlist || (allowlist->kind == YamlNode::Kind::Sequence && allowlist->items.empty());
  unmatchable_hosts(root_, "api_allowlist");
  if (mode == "strict" && empty) {
    error("E0704", (allowlist ? allowlist : root_.get("mode"))->range,
          "strict mode needs at least one host in api_allowlist; pipelock 2.3.0 refuses to "
          "start without one");
  }
  if (mode != "strict" && !empty && allowlist->kind == YamlNode::Kind::Sequence &&
      (mode == "balanced" || mode == "audit")) {
    diags_.warning("E0712", root_.entry("api_allowlist")->key_range,
                   fmt::format("api_allowlist is not enforced in mode '{}': pipelock 2.3.0 "
                               "blocks unlisted hosts only in strict mode",
                               mode));
  }
}

void ConfigRules::logging_and_dlp() {
  ConfigScope logging = root_.child("logging");
  schema_choice(logging, "format", false);
  schema_choice(logging, "output", false);
  const std::string output = text(logging, "output");
  if (output == "file" || output == "both") {
    require(logging, "file", fmt::format("when logging.output is '{}'", output));
  }

  ConfigScope dlp = root_.child("dlp");
  if (const YamlNode* action = dlp.get("action"); action && !config_string(*action).empty()) {
    error("E0709", action->range,
          fmt::format("dlp.action '{}' is not supported by pipelock 2.3.0; the action follows "
                      "each transport (request_body_scanning.action, mcp_input_scanning.action)",
                      config_string(*action)));
  }
  if (!text(dlp, "secrets_file").empty()) {
    environment_dependent(dlp, "secrets_file", "the file must exist with mode 0600 or 0640");
  }
  if (const YamlNode* patterns = dlp.get("patterns")) {
    for (std::size_t i = 0; i < patterns->items.size(); ++i) {
      dlp_pattern({&patterns->items[i], fmt::format("dlp.patterns[{}]", i)});
    }
  }

  ConfigScope canary = root_.child("canary_tokens");
  const YamlNode* tokens = canary.get("tokens");
  if (flag(canary, "enabled", false) && (!tokens || tokens->items.empty())) {
    error("E0708", section_range("canary_tokens"),
          "canary_tokens is enabled without tokens; add tokens or set enabled: false");
  }
  std::set<std::string> names, values;
  for (std::size_t i = 0; tokens && i < tokens->items.size(); ++i) {
    ConfigScope token{&tokens->items[i], fmt::format("canary_tokens.tokens[{}]", i)};
    require(token, "name", "for every canary token");
    require(token, "value", "for every canary token");
    const std::string value = trim_space(text(token, "value"));
    if (!value.empty() && value.size() < 8) {
      error("E0707", token.get("value")->range,
            fmt::format("{} is {} characters long; pipelock 2.3.0 needs at least 8",
                        token.join("value"), value.size()));
    }
    const std::string name = lowercase(trim_space(text(token, "name")));
    if (!name.empty() && !names.insert(name).second) {
      error("E0707", token.get("name")->range,
            fmt::format("{} '{}' is used by another canary token", token.join("name"),
                        text(token, "name")));
    }
    if (!value.empty() && !values.insert(value).second) {
      error("E0707", token.get("value")->range,
            fmt::format("{} is the value of another canary token", token.join("value")));
    }
    const std::string var = text(token, "env_var");
    if (!var.empty() && !is_env_var_name(var)) {
      error("E0707", token.get("env_var")->range,
            fmt::format("{} '{}' is not an environment variable name", token.join("env_var"), var));
    }
  }
}

void ConfigRules::dlp_pattern(const ConfigScope& pattern) {
  require(pattern, "name", "for every DLP pattern");
  require(pattern, "regex", "for every DLP pattern");
  go_regexp(pattern, "regex");
  schema_choice(pattern, "validator");
  schema_choice(pattern, "action");
  domain_list(pattern, "exempt_domains");
}

void ConfigRules::network_lists() {
  cidr_list(root_, "internal", false);
  cidr_list(root_.child("ssrf"), "ip_allowlist", true);
  domain_list(root_, "trusted_domains");
  ConfigScope kill = root_.child("kill_switch");
  cidr_list(kill, "allowlist_ips", false);
  host_port(kill, "api_listen");
  if (!text(kill, "api_listen").empty()) {
    require(kill, "api_token", "when kill_switch.api_listen is set");
  }
  ConfigScope monitoring = root_.child("fetch_proxy.monitoring");
  not_negative(monitoring, "max_requests_per_minute");
  not_negative(monitoring, "max_data_per_minute");
  no_empty_entries(monitoring, "blocklist");
  domain_list(monitoring, "subdomain_entropy_exclusions");
}

}  // namespace policyc
