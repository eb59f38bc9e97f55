// The rules of the scanning, proxy, listener and emit sections. Most apply only when the
// section is enabled, as pipelock's Validate applies them; the exceptions say so.
#include <fmt/format.h>

#include "pipelock/schema/text_shapes.hpp"
#include "pipelock/validate/config_rules.hpp"
#include "pipelock/validate/config_tree.hpp"

namespace policyc {

namespace {

std::string port_of(const std::string& listen) {
  const std::size_t colon = listen.rfind(':');
  return colon == std::string::npos ? "" : listen.substr(colon + 1);
}

}  // namespace

void ConfigRules::scanning_sections() {
  ConfigScope response = root_.child("response_scanning");
  if (flag(response, "enabled", true)) {
    schema_choice(response, "action", false);
    const YamlNode* patterns = response.get("patterns");
    for (std::size_t i = 0; patterns && i < patterns->items.size(); ++i) {
      ConfigScope pattern{&patterns->items[i], fmt::format("response_scanning.patterns[{}]", i)};
      require(pattern, "name", "for every response pattern");
      require(pattern, "regex", "for every response pattern");
      go_regexp(pattern, "regex");
    }
    ConfigScope sse = response.child("sse_streaming");
    if (flag(sse, "enabled", true)) schema_choice(sse, "action");
    not_negative(sse, "max_event_bytes");
  }
  domain_list(response, "exempt_domains");  // always, enabled or not

  ConfigScope input = root_.child("mcp_input_scanning");
  if (flag(input, "enabled", false)) schema_choice(input, "action", false);
  schema_choice(input, "on_parse_error", false);  // always
  ConfigScope tools = root_.child("mcp_tool_scanning");
  if (flag(tools, "enabled", false)) schema_choice(tools, "action", false);
  tool_policy(root_.child("mcp_tool_policy"));

  ConfigScope git = root_.child("git_protection");
  if (flag(git, "enabled", false)) {
    glob_list(git, "allowed_branches");
    no_empty_entries(git, "blocked_commands");
  }

  ConfigScope body = root_.child("request_body_scanning");
  if (flag(body, "enabled", true)) {
    schema_choice(body, "action");
    schema_choice(body, "header_mode");
    not_negative(body, "max_body_bytes");
  }
  ConfigScope seed = root_.child("seed_phrase_detection");
  if (flag(seed, "enabled", true)) schema_choice(seed, "min_words");
  ConfigScope cross = root_.child("cross_request_detection");
  ConfigScope budget = cross.child("entropy_budget");
  if (flag(cross, "enabled", false)) {
    if (!flag(budget, "enabled", false) && !flag(cross, "fragment_reassembly.enabled", false)) {
      error("E0708", section_range("cross_request_detection"),
            "cross_request_detection is enabled with neither entropy_budget nor "
            "fragment_reassembly enabled");
    }
    schema_choice(cross, "action", false);
    schema_choice(budget, "action", false);
  }
  domain_list(budget, "exempt_domains");  // always
}

void ConfigRules::tool_policy(const ConfigScope& policy) {
  if (!flag(policy, "enabled", false)) return;
  schema_choice(policy, "action", false);
  const YamlNode* rules = policy.get("rules");
  if (!rules || rules->kind != YamlNode::Kind::Sequence || rules->items.empty()) {
    error("E0708", policy.get("enabled")->range,
          fmt::format("{} is enabled but has no rules; add rules or set enabled: false",
                      policy.path));
    return;
  }
  const ConfigScope profiles = policy.child("redirect_profiles");
  for (std::size_t i = 0; i < rules->items.size(); ++i) {
    ConfigScope rule{&rules->items[i], fmt::format("{}.rules[{}]", policy.path, i)};
    require(rule, "name", "for every tool policy rule");
    require(rule, "tool_pattern", "for every tool policy rule");
    go_regexp(rule, "tool_pattern");
    go_regexp(rule, "arg_pattern");
    go_regexp(rule, "arg_key");
    schema_choice(rule, "action");
    if (!text(rule, "arg_key").empty()) require(rule, "arg_pattern", "when arg_key is set");
    const std::string action =
        text(rule, "action").empty() ? text(policy, "action") : text(rule, "action");
    const std::string profile = text(rule, "redirect_profile");
    if (action == "redirect" && profile.empty()) {
      require(rule, "redirect_profile", "when the rule's action is redirect");
    } else if (!profile.empty() && !has_config_key(profiles.node, profile)) {
      error("E0708", rule.get("redirect_profile")->range,
            fmt::format("{} '{}' is not a key of {}", rule.join("redirect_profile"), profile,
                        profiles.path));
    }
  }
  if (!profiles.node) return;
  for (const YamlNode::Entry& entry : profiles.node->entries) {
    ConfigScope profile{&entry.value, profiles.join(entry.key)};
    const YamlNode* exec = profile.get("exec");
    const YamlNode* first = exec && !exec->items.empty() ? &exec->items[0] : nullptr;
    if (!first || config_string(*first).empty()) {
      require(profile, "exec", "with a non-empty program in exec[0]");
    } else if (flag(profile, "match_abs_path", false) && config_string(*first)[0] != '/') {
      error("E0707", first->range,
            fmt::format("{}.exec[0] '{}' must be an absolute path when match_abs_path is true",
                        profile.path, config_string(*first)));
    }
  }
}

void ConfigRules::proxy_sections() {
  // pipelock replaces a zero or negative limit of these sections by its default before it
  // validates (ApplyDefaults): forward_proxy and websocket_proxy timeouts and sizes,
  // session_profiling's, tls_interception's cache and response sizes, mcp_ws_listener's
  // connections. Only what survives that is checked here.
  ConfigScope ws = root_.child("websocket_proxy");
  if (flag(ws, "enabled", false)) {
    schema_choice(ws, "origin_policy", false);
    const YamlNode* strip = ws.get("strip_compression");
    if (strip && config_bool(*strip) == false) {
      error("E0709", strip->range,
            "websocket_proxy.strip_compression must be true: pipelock scans only uncompressed "
            "frames");
    }
  }
  ConfigScope tls = root_.child("tls_interception");
  unmatchable_hosts(tls, "passthrough_domains");
  if (flag(tls, "enabled", false)) {
    duration(tls, "cert_ttl");
    environment_dependent(tls, "enabled",
                          "ca_cert and ca_key must exist (default ~/.pipelock), the key with mode "
                          "0600, 0640, 0400 or 0440");
  }
  ConfigScope reverse = root_.child("reverse_proxy");
  if (flag(reverse, "enabled", false)) {
    require(reverse, "listen", "when reverse_proxy is enabled");
    require(reverse, "upstream", "when reverse_proxy is enabled");
    http_url(reverse, "upstream");
  }
  ConfigScope sessions = root_.child("session_profiling");
  if (flag(sessions, "enabled", false)) {
    schema_choice(sessions, "anomaly_action", false);
  }
  ConfigScope adaptive = root_.child("adaptive_enforcement");
  require_enabled("adaptive_enforcement", "session_profiling");
  domain_list(adaptive, "exempt_domains");  // always
  for (const char* level : {"elevated", "high", "critical"}) {
    ConfigScope scope = adaptive.child(std::string("levels.") + level);
    schema_choice(scope, "upgrade_warn");
    schema_choice(scope, "upgrade_ask");
  }
  ConfigScope binding = root_.child("mcp_session_binding");
  if (flag(binding, "enabled", false)) {
    schema_choice(binding, "unknown_tool_action", false);
    schema_choice(binding, "no_baseline_action", false);
    require_enabled("mcp_session_binding", "mcp_tool_scanning");
  }
  ConfigScope a2a = root_.child("a2a_scanning");
  if (flag(a2a, "enabled", false)) schema_choice(a2a, "action", false);
}

void ConfigRules::listeners_and_emit() {
  ConfigScope chain = root_.child("tool_chain_detection");
  if (flag(chain, "enabled", false)) {
    schema_choice(chain, "action", false);
    not_negative(chain, "max_gap");
    if (const YamlNode* overrides = chain.get("pattern_overrides")) {
      for (const YamlNode::Entry& entry : overrides->entries) {
        const std::string action = config_string(entry.value);
        if (action == "warn" || action == "block" || entry.value.kind != YamlNode::Kind::Scalar) {
          continue;
        }
        error("E0703", entry.value.range,
              fmt::format("tool_chain_detection.pattern_overrides.{} '{}' is not one of warn, "
                          "block",
                          entry.key, action));
      }
    }
    const YamlNode* custom = chain.get("custom_patterns");
    for (std::size_t i = 0; custom && i < custom->items.size(); ++i) {
      ConfigScope pattern{&custom->items[i],
                          fmt::format("tool_chain_detection.custom_patterns[{}]", i)};
      require(pattern, "name", "for every custom pattern");
      const YamlNode* sequence = pattern.get("sequence");
      if (!sequence || sequence->items.size() < 2) {
        require(pattern, "sequence", "with at least two tools");
        if (sequence && sequence->items.size() == 1) {
          error(
              "E0707", sequence->range,
              fmt::format("{} has one tool; a chain needs at least two", pattern.join("sequence")));
        }
      }
      schema_choice(pattern, "severity", false);
      schema_choice(pattern, "action");
    }
  }
  ConfigScope listener = root_.child("mcp_ws_listener");
  if (const YamlNode* origins = listener.get("allowed_origins")) {
    for (std::size_t i = 0; i < origins->items.size(); ++i) {
      const std::string value = config_string(origins->items[i]);
      if (is_url_with_host(value, false)) continue;
      error("E0707", origins->items[i].range,
            fmt::format("mcp_ws_listener.allowed_origins[{}] '{}' is not a URL with a host", i,
                        value));
    }
  }

  host_port(root_, "metrics_listen");
  const std::string fetch = text(root_, "fetch_proxy.listen").empty()
                                ? "127.0.0.1:8888"
                                : text(root_, "fetch_proxy.listen");
  for (const char* key : {"metrics_listen", "kill_switch.api_listen"}) {
    const std::string listen = text(root_, key);
    if (listen.empty() || port_of(listen) != port_of(fetch)) continue;
    error("E0709", root_.get(key)->range,
          fmt::format("{} '{}' uses the port of fetch_proxy.listen ({})", key, listen, fetch));
  }
  const std::string metrics = text(root_, "metrics_listen");
  const std::string api = text(root_, "kill_switch.api_listen");
  if (!metrics.empty() && !api.empty() && port_of(metrics) == port_of(api)) {
    error("E0709", root_.get("metrics_listen")->range,
          fmt::format("metrics_listen '{}' uses the port of kill_switch.api_listen", metrics));
  }

  ConfigScope emit = root_.child("emit");
  for (const char* sink : {"webhook", "syslog", "otlp"}) {
    schema_choice(emit.child(sink), "min_severity");
  }
  http_url(emit.child("webhook"), "url");
  http_url(emit.child("otlp"), "endpoint");
  ConfigScope syslog = emit.child("syslog");
  const std::string address = text(syslog, "address");
  if (!address.empty() && !is_syslog_address(address)) {
    error(
        "E0707", syslog.get("address")->range,
        fmt::format("emit.syslog.address '{}' is not udp://host:port or tcp://host:port", address));
  }
  if (!address.empty()) {
    choice(syslog, "facility",
           {"", "kern", "user", "mail", "daemon", "auth", "syslog", "lpr", "news", "uucp", "local0",
            "local1", "local2", "local3", "local4", "local5", "local6", "local7"});
  }
  if (const YamlNode* rate = root_.get("sentry.sample_rate")) {
    std::optional<double> value = config_float(*rate);
    if (value && !(*value >= 0 && *value <= 1)) {
      error("E0707", rate->range,
            fmt::format("sentry.sample_rate {} is not between 0 and 1", rate->scalar));
    }
  }
}

}  // namespace policyc
