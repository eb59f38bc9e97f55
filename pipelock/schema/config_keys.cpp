#include "pipelock/schema/config_keys.hpp"

namespace policyc {

namespace {

using Type = ConfigKey::Type;
using Keys = std::vector<ConfigKey>;

ConfigKey leaf(std::string_view name, Type type, bool pointer = false) {
  ConfigKey key;
  key.name = name;
  key.type = type;
  key.pointer = pointer;
  return key;
}
ConfigKey str(std::string_view name) { return leaf(name, Type::String); }
ConfigKey num(std::string_view name) { return leaf(name, Type::Int); }
ConfigKey real(std::string_view name) { return leaf(name, Type::Float); }
ConfigKey flag(std::string_view name) { return leaf(name, Type::Bool); }
// `*bool`: absent means the getter's default, which is not always false.
ConfigKey opt_flag(std::string_view name) { return leaf(name, Type::Bool, true); }

ConfigKey one_of(ConfigKey key, std::vector<std::string> choices) {
  key.choices = std::move(choices);
  return key;
}

ConfigKey warn_or_block(std::string_view name) { return one_of(str(name), {"warn", "block"}); }
ConfigKey block_or_warn(std::string_view name) { return one_of(str(name), {"block", "warn"}); }
ConfigKey mode() { return one_of(str("mode"), {"strict", "balanced", "audit"}); }
ConfigKey min_severity() { return one_of(str("min_severity"), {"info", "warn", "critical"}); }
ConfigKey airlock_tier(std::string_view name) {
  return one_of(str(name), {"none", "soft", "hard", "drain"});
}

ConfigKey obj(std::string_view name, Keys fields) {
  ConfigKey key = leaf(name, Type::Struct);
  key.members = std::make_shared<const Keys>(std::move(fields));
  return key;
}
ConfigKey container(std::string_view name, Type type, ConfigKey element) {
  ConfigKey key = leaf(name, type);
  key.element = std::make_shared<ConfigKey>(std::move(element));
  return key;
}
ConfigKey strs(std::string_view name) { return container(name, Type::List, str("")); }
ConfigKey list_of(std::string_view name, Keys fields) {
  return container(name, Type::List, obj("", std::move(fields)));
}
ConfigKey map_of(std::string_view name, ConfigKey element) {
  return container(name, Type::Map, std::move(element));
}

Keys dlp_pattern() {
  return {str("name"),
          str("regex"),
          str("severity"),
          one_of(str("validator"), {"luhn", "mod97", "aba", "wif"}),
          strs("exempt_domains"),
          one_of(str("action"), {"warn"})};
}

ConfigKey tool_policy(std::string_view name) {
  return obj(name,
             {flag("enabled"), one_of(str("action"), {"warn", "block", "redirect"}),
              list_of("rules", {str("name"), str("tool_pattern"), str("arg_pattern"),
                                str("arg_key"), one_of(str("action"), {"warn", "block", "redirect"}),
                                str("redirect_profile")}),
              map_of("redirect_profiles", obj("", {strs("exec"), str("reason"),
                                                   flag("preserve_argv"), flag("match_abs_path")})),
              str("quarantine_dir")});
}

ConfigKey adaptive_level(std::string_view name) {
  return obj(name, {one_of(leaf("upgrade_warn", Type::String, true), {"block"}),
                    one_of(leaf("upgrade_ask", Type::String, true), {"block"}),
                    opt_flag("block_all")});
}

ConfigKey agent_profile() {
  return obj(
      "", {strs("listeners"), strs("source_cidrs"), mode(), opt_flag("enforce"),
           strs("api_allowlist"),
           obj("dlp", {opt_flag("include_defaults"), list_of("patterns", dlp_pattern())}),
           obj("rate_limit", {num("max_requests_per_minute"), num("max_data_per_minute")}),
           obj("session_profiling",
               {num("domain_burst"), str("anomaly_action"), real("volume_spike_ratio")}),
           tool_policy("mcp_tool_policy"),
           obj("budget", {num("max_requests_per_session"), num("max_bytes_per_session"),
                          num("max_unique_domains_per_session"), num("window_minutes"),
                          num("max_tool_calls_per_session"), num("max_concurrent_tool_calls"),
                          num("max_wall_clock_minutes"), num("max_retries_per_tool"),
                          num("max_retries_per_endpoint"), num("loop_detection_window"),
                          num("fan_out_limit"), num("fan_out_window_seconds"),
                          map_of("cost_multipliers", real("")),
                          one_of(str("dow_action"), {"block", "warn"})}),
           strs("allowed_addresses"),
           obj("sandbox",
               {opt_flag("enabled"), opt_flag("strict"), opt_flag("best_effort"), str("workspace"),
                obj("filesystem", {strs("allow_read"), strs("allow_write")})}),
           strs("trusted_domains")});
}

Keys proxy_and_scanning() {
  return {
      obj("fetch_proxy",
          {str("listen"), num("timeout_seconds"), num("max_response_mb"), str("user_agent"),
           obj("monitoring", {num("max_url_length"), real("entropy_threshold"),
                              real("subdomain_entropy_threshold"), num("max_requests_per_minute"),
                              num("max_data_per_minute"), strs("blocklist"),
                              strs("subdomain_entropy_exclusions")})}),
      obj("forward_proxy", {flag("enabled"), num("max_tunnel_seconds"), num("idle_timeout_seconds"),
                            opt_flag("sni_verification"), strs("redirect_websocket_hosts")}),
      obj("websocket_proxy",
          {flag("enabled"), num("max_message_bytes"), num("max_concurrent_connections"),
           opt_flag("scan_text_frames"), flag("allow_binary_frames"), flag("forward_cookies"),
           opt_flag("strip_compression"), num("max_connection_seconds"),
           num("idle_timeout_seconds"),
           one_of(str("origin_policy"), {"rewrite", "forward", "strip"})}),
      obj("dlp", {flag("scan_env"), str("secrets_file"), num("min_env_secret_length"),
                  opt_flag("include_defaults"), list_of("patterns", dlp_pattern()),
                  str("action")}),
      obj("canary_tokens",
          {flag("enabled"), list_of("tokens", {str("name"), str("value"), str("env_var")})}),
      obj("response_scanning",
          {flag("enabled"), one_of(str("action"), {"strip", "warn", "block", "ask"}),
           num("ask_timeout_seconds"), opt_flag("include_defaults"),
           list_of("patterns", {str("name"), str("regex")}), strs("exempt_domains"),
           obj("sse_streaming",
               {flag("enabled"), one_of(str("action"), {"block", "warn"}), num("max_event_bytes")})}),
      obj("mcp_input_scanning", {flag("enabled"), warn_or_block("action"),
                                 one_of(str("on_parse_error"), {"block", "forward"})}),
      obj("mcp_tool_scanning", {flag("enabled"), warn_or_block("action"), flag("detect_drift")}),
      tool_policy("mcp_tool_policy"),
      obj("git_protection", {flag("enabled"), strs("allowed_branches"), strs("blocked_commands"),
                             flag("pre_push_scan")}),
      obj("logging", {one_of(str("format"), {"json", "text"}),
                      one_of(str("output"), {"stdout", "file", "both"}), str("file"),
                      flag("include_allowed"), flag("include_blocked")}),
      obj("session_profiling",
          {flag("enabled"), warn_or_block("anomaly_action"), num("domain_burst"), num("window_minutes"),
           real("volume_spike_ratio"), num("max_sessions"), num("session_ttl_minutes"),
           num("cleanup_interval_seconds")}),
      obj("adaptive_enforcement",
          {flag("enabled"), real("escalation_threshold"), real("decay_per_clean_request"),
           obj("levels",
               {adaptive_level("elevated"), adaptive_level("high"), adaptive_level("critical")}),
           strs("exempt_domains")}),
      obj("mcp_session_binding",
          {flag("enabled"), warn_or_block("unknown_tool_action"),
           warn_or_block("no_baseline_action")}),
      obj("request_body_scanning",
          {flag("enabled"), one_of(str("action"), {"warn", "block"}), num("max_body_bytes"),
           flag("scan_headers"), one_of(str("header_mode"), {"sensitive", "all"}),
           strs("sensitive_headers"), strs("ignore_headers")}),
      obj("kill_switch",
          {flag("enabled"), str("sentinel_file"), str("message"), opt_flag("health_exempt"),
           opt_flag("metrics_exempt"), opt_flag("api_exempt"), str("api_token"), str("api_listen"),
           strs("allowlist_ips")}),
      obj("sentry", {opt_flag("enabled"), str("dsn"), str("environment"),
                     leaf("sample_rate", Type::Float, true), flag("debug")}),
      str("metrics_listen"),
  };
}

Keys detection_and_integrity() {
  return {
      obj("emit",
          {str("instance_id"),
           obj("webhook", {str("url"), min_severity(), str("auth_token"),
                           num("timeout_seconds"), num("queue_size")}),
           obj("syslog", {str("address"), min_severity(), str("facility"), str("tag")}),
           obj("otlp", {str("endpoint"), map_of("headers", str("")), num("timeout_seconds"),
                        min_severity(), num("queue_size"), flag("gzip")})}),
      obj("tool_chain_detection",
          {flag("enabled"), warn_or_block("action"), num("window_size"), num("window_seconds"),
           leaf("max_gap", Type::Int, true), map_of("tool_categories", strs("")),
           map_of("pattern_overrides", str("")),
           list_of("custom_patterns",
                   {str("name"), strs("sequence"),
                    one_of(str("severity"), {"medium", "high", "critical"}),
                    one_of(str("action"), {"warn", "block"})})}),
      obj("mcp_ws_listener", {strs("allowed_origins"), num("max_connections")}),
      obj("tls_interception",
          {flag("enabled"), str("ca_cert"), str("ca_key"), strs("passthrough_domains"),
           str("cert_ttl"), num("cert_cache_size"), num("max_response_bytes")}),
      obj("cross_request_detection",
          {flag("enabled"), block_or_warn("action"),
           obj("entropy_budget", {flag("enabled"), real("bits_per_window"), num("window_minutes"),
                                  block_or_warn("action"), strs("exempt_domains")}),
           obj("fragment_reassembly",
               {flag("enabled"), num("max_buffer_bytes"), num("window_minutes")})}),
      obj("reverse_proxy", {flag("enabled"), str("listen"), str("upstream")}),
      obj("scan_api",
          {str("listen"), obj("auth", {strs("bearer_tokens")}),
           obj("rate_limit", {num("requests_per_minute"), num("burst")}), num("max_body_bytes"),
           obj("field_limits", {num("url"), num("text"), num("content"), num("arguments")}),
           obj("timeouts", {str("read"), str("write"), str("scan")}), num("connection_limit"),
           obj("kinds", {flag("url"), flag("dlp"), flag("prompt_injection"), flag("tool_call")})}),
      obj("address_protection",
          {flag("enabled"), block_or_warn("action"),
           one_of(str("unknown_action"), {"allow", "warn", "block"}), strs("allowed_addresses"),
           obj("chains", {opt_flag("eth"), opt_flag("btc"), opt_flag("sol"), opt_flag("bnb")}),
           obj("similarity", {num("prefix_length"), num("suffix_length")})}),
      obj("seed_phrase_detection",
          {opt_flag("enabled"), one_of(num("min_words"), {"12", "15", "18", "21", "24"}),
           opt_flag("verify_checksum")}),
      obj("rules",
          {str("rules_dir"), one_of(str("min_confidence"), {"high", "medium", "low"}),
           flag("include_experimental"), strs("disabled"),
           list_of("trusted_keys", {str("name"), str("public_key"), str("tier")})}),
      obj("file_sentry", {flag("enabled"), flag("best_effort"), strs("watch_paths"),
                          opt_flag("scan_content"), strs("ignore_patterns")}),
      obj("sandbox", {flag("enabled"), flag("strict"), flag("best_effort"), str("workspace"),
                      obj("filesystem", {strs("allow_read"), strs("allow_write")})}),
      obj("flight_recorder",
          {flag("enabled"), str("dir"), num("checkpoint_interval"), num("retention_days"),
           flag("redact"), flag("sign_checkpoints"), num("max_entries_per_file"),
           flag("raw_escrow"), str("escrow_public_key"), str("signing_key_path")}),
      obj("mcp_binary_integrity", {flag("enabled"), str("manifest_path"), warn_or_block("action")}),
      obj("mcp_tool_provenance",
          {flag("enabled"), warn_or_block("action"),
           one_of(str("mode"), {"pipelock", "sigstore", "any"}), strs("trusted_keys"),
           strs("trusted_issuers"), strs("trusted_subjects"), flag("offline_only")}),
  };
}

Keys behaviour_and_identity() {
  return {
      obj("behavioral_baseline",
          {flag("enabled"), num("learning_window"),
           one_of(str("deviation_action"), {"warn", "ask", "block"}), str("profile_dir"),
           flag("auto_ratify"), real("sensitivity_sigma"), strs("lock_dimensions"),
           flag("poison_resistance"), one_of(str("seasonality_mode"), {"none", "labeled", "time"})}),
      obj("airlock", {flag("enabled"),
                      obj("triggers", {airlock_tier("on_elevated"), airlock_tier("on_high"),
                                       airlock_tier("on_critical"),
                                       one_of(str("on_severity"), {"critical", "high"}),
                                       num("anomaly_count"),
                                       num("anomaly_window_minutes")}),
                      obj("timers", {num("soft_minutes"), num("hard_minutes"), num("drain_minutes"),
                                     num("drain_timeout_seconds")}),
                      obj("tool_freeze", {flag("snapshot_on_entry"), flag("allow_cached_tools")})}),
      obj("browser_shield",
          {flag("enabled"), one_of(str("strictness"), {"minimal", "standard", "aggressive"}),
           num("max_shield_bytes"), one_of(str("oversize_action"), {"block", "scan_head", "warn"}),
           strs("exempt_domains"), flag("strip_extension_probing"), flag("strip_hidden_traps"),
           flag("strip_tracking_pixels"), flag("inject_fingerprint_shims"),
           strs("tracking_domains")}),
      obj("media_policy",
          {opt_flag("enabled"), opt_flag("strip_images"), opt_flag("strip_audio"),
           opt_flag("strip_video"), strs("allowed_image_types"), opt_flag("strip_image_metadata"),
           num("max_image_bytes"), opt_flag("log_media_exposure")}),
      obj("a2a_scanning",
          {flag("enabled"), warn_or_block("action"), flag("scan_agent_cards"),
           flag("detect_card_drift"),
           flag("session_smuggling_detection"), num("max_context_messages"), num("max_contexts"),
           flag("scan_raw_parts"), num("max_raw_size")}),
      obj("taint",
          {flag("enabled"), strs("allowlisted_domains"), strs("protected_paths"),
           strs("elevated_paths"),
           list_of("trust_overrides",
                   {one_of(str("scope"), {"action", "source"}), str("source_match"),
                    str("action_match"),
                    leaf("expires_at", Type::Timestamp), str("granted_by"), str("reason")}),
           one_of(str("policy"), {"strict", "balanced", "permissive"}), num("recent_sources")}),
      obj("mediation_envelope",
          {flag("enabled"), flag("sign"), str("signing_key_path"), str("key_id"),
           strs("signed_components"), num("created_skew_seconds"), num("max_body_bytes")}),
      obj("redaction",
          {flag("enabled"), str("default_profile"),
           map_of("profiles", obj("", {strs("classes"), strs("dictionaries")})),
           map_of("dictionaries",
                  obj("", {str("class"), strs("entries"), str("entries_file"),
                           flag("case_insensitive"), flag("word_boundary"), num("priority")})),
           obj("limits",
               {num("max_body_bytes"), num("max_redactions_per_request"), num("max_depth")}),
           flag("strict_reload"), strs("allowlist_unparseable")}),
      map_of("agents", agent_profile()),
      str("default_agent_identity"),
      flag("bind_default_agent_identity"),
      str("license_key"),
      str("license_file"),
      str("license_public_key"),
      strs("internal"),
      strs("trusted_domains"),
      obj("ssrf", {strs("ip_allowlist")}),
  };
}

ConfigKey build_root() {
  Keys top = {
      num("version"),        mode(),
      opt_flag("enforce"),   opt_flag("explain_blocks"),
      strs("api_allowlist"), list_of("suppress", {str("rule"), str("path"), str("reason")})};
  for (Keys part : {proxy_and_scanning(), detection_and_integrity(), behaviour_and_identity()}) {
    for (ConfigKey& key : part) top.push_back(std::move(key));
  }
  return obj("", std::move(top));
}

}  // namespace

const std::vector<ConfigKey>& ConfigKey::fields() const {
  static const std::vector<ConfigKey> none;
  return members ? *members : none;
}

const ConfigKey* ConfigKey::field(std::string_view key) const {
  for (const ConfigKey& f : fields()) {
    if (f.name == key) return &f;
  }
  return nullptr;
}

std::vector<std::string> ConfigKey::field_names() const {
  std::vector<std::string> names;
  for (const ConfigKey& f : fields()) names.emplace_back(f.name);
  return names;
}

const ConfigKey& pipelock_config_root() {
  static const ConfigKey root = build_root();
  return root;
}

namespace {

// `path` below `key`; a list index ("patterns[2]") steps into the list's element, and a
// map's name may span dots ("agents.team.a.mode"), so each split is tried.
const ConfigKey* find_below(const ConfigKey* key, std::string_view path) {
  if (!key || path.empty()) return key;
  if (key->type == ConfigKey::Type::Map) {
    for (std::size_t dot = path.find('.'); dot != std::string_view::npos;
         dot = path.find('.', dot + 1)) {
      if (const ConfigKey* found = find_below(key->element.get(), path.substr(dot + 1))) {
        return found;
      }
    }
    return key->element.get();
  }
  const std::size_t dot = path.find('.');
  std::string_view name = path.substr(0, dot);
  const std::size_t bracket = name.find('[');
  const ConfigKey* child = key->field(name.substr(0, bracket));
  if (child && bracket != std::string_view::npos) {
    child = child->type == ConfigKey::Type::List ? child->element.get() : nullptr;
  }
  return dot == std::string_view::npos ? child : find_below(child, path.substr(dot + 1));
}

}  // namespace

const ConfigKey* find_config_key(std::string_view path) {
  return find_below(&pipelock_config_root(), path);
}

const char* config_type_phrase(ConfigKey::Type type) {
  switch (type) {
    case Type::Struct:
      return "a mapping";
    case Type::Int:
      return "an integer";
    case Type::Float:
      return "a number";
    case Type::Bool:
      return "a boolean";
    case Type::String:
      return "a string";
    case Type::Timestamp:
      return "a timestamp";
    case Type::List:
      return "a list";
    case Type::Map:
      return "a mapping";
  }
  return "a value";
}

}  // namespace policyc
