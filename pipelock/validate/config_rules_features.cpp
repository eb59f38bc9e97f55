// The rules of the feature sections (address protection to redaction) and of the
// enterprise agents map. As in config_rules_sections.cpp, most apply only when the section
// is enabled.
#include <fmt/format.h>
#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <set>

#include "pipelock/schema/text_shapes.hpp"
#include "pipelock/validate/config_rules.hpp"
#include "pipelock/validate/config_tree.hpp"

namespace policyc {

namespace {

// Whether relative `path`, cleaned as Go's filepath.Clean does, starts with `..`.
bool path_leaves_its_folder(const std::string& path) {
  if (!path.empty() && path.front() == '/') return false;
  std::size_t depth = 0;
  for (std::size_t begin = 0; begin <= path.size();) {
    std::size_t end = path.find('/', begin);
    if (end == std::string::npos) end = path.size();
    const std::string_view step(path.data() + begin, end - begin);
    if (step == "..") {
      if (depth == 0) return true;
      --depth;
    } else if (!step.empty() && step != ".") {
      ++depth;
    }
    begin = end + 1;
  }
  return false;
}

bool is_lower_hex(const std::string& s) {
  return s.find_first_not_of("0123456789abcdef") == std::string::npos;
}

}  // namespace

void ConfigRules::feature_sections() {
  ConfigScope address = root_.child("address_protection");
  if (flag(address, "enabled", false)) {
    schema_choice(address, "action", false);
    schema_choice(address, "unknown_action", false);
    ConfigScope chains = address.child("chains");
    if (!flag(chains, "eth", true) && !flag(chains, "btc", true) && !flag(chains, "sol", false) &&
        !flag(chains, "bnb", true)) {
      error("E0708", section_range("address_protection"),
            "address_protection is enabled with every chain turned off; enable at least one");
    }
  }
  ConfigScope rules = root_.child("rules");
  schema_choice(rules, "min_confidence");
  if (const YamlNode* disabled = rules.get("disabled")) {
    for (std::size_t i = 0; i < disabled->items.size(); ++i) {
      const std::string entry = config_string(disabled->items[i]);
      if (entry.find_first_of(":*?") != std::string::npos) continue;
      error("E0707", disabled->items[i].range,
            fmt::format("rules.disabled[{}] '{}' is neither bundle:rule nor a glob", i, entry));
    }
  }
  if (const YamlNode* keys = rules.get("trusted_keys")) {
    for (std::size_t i = 0; i < keys->items.size(); ++i) {
      ConfigScope key{&keys->items[i], fmt::format("rules.trusted_keys[{}]", i)};
      const std::string hex = text(key, "public_key");
      if (hex.size() == 64 && is_lower_hex(hex)) continue;
      require(key, "public_key", "for every trusted key");
      if (!hex.empty()) {
        error("E0707", key.get("public_key")->range,
              fmt::format("{} must be 64 lowercase hex characters (an Ed25519 key)",
                          key.join("public_key")));
      }
    }
  }
  ConfigScope sentry_files = root_.child("file_sentry");
  if (flag(sentry_files, "enabled", false)) {
    require(sentry_files, "watch_paths", "when file_sentry is enabled");
  }
  ConfigScope sandbox = root_.child("sandbox");
  if (flag(sandbox, "strict", false) && flag(sandbox, "best_effort", false)) {
    error("E0709", sandbox.get("best_effort")->range,
          "sandbox.strict and sandbox.best_effort cannot both be true");
  }
  no_empty_entries(sandbox, "filesystem.allow_read");
  no_empty_entries(sandbox, "filesystem.allow_write");
  ConfigScope recorder = root_.child("flight_recorder");
  if (flag(recorder, "enabled", false)) {
    require(recorder, "dir", "when flight_recorder is enabled");
    if (flag(recorder, "raw_escrow", false)) {
      require(recorder, "escrow_public_key", "when raw_escrow is true");
    }
  }
  ConfigScope integrity = root_.child("mcp_binary_integrity");
  if (flag(integrity, "enabled", false)) {
    require(integrity, "manifest_path", "when mcp_binary_integrity is enabled");
    schema_choice(integrity, "action", false);
  }
  ConfigScope provenance = root_.child("mcp_tool_provenance");
  if (flag(provenance, "enabled", false)) {
    schema_choice(provenance, "action", false);
    schema_choice(provenance, "mode", false);
  }
  ConfigScope baseline = root_.child("behavioral_baseline");
  if (flag(baseline, "enabled", false)) {
    require(baseline, "profile_dir", "when behavioral_baseline is enabled");
    schema_choice(baseline, "deviation_action", false);
    schema_choice(baseline, "seasonality_mode");
  }
  airlock();
  ConfigScope shield = root_.child("browser_shield");
  if (flag(shield, "enabled", false)) {
    require(shield, "strictness", "when browser_shield is enabled (a config file has no default)");
    schema_choice(shield, "strictness", false);
    schema_choice(shield, "oversize_action", false);
    if (text(shield, "oversize_action") == "warn" && text(shield, "strictness") != "minimal") {
      error("E0709", shield.get("oversize_action")->range,
            "browser_shield.oversize_action 'warn' is allowed only with strictness 'minimal'");
    }
    std::optional<std::int64_t> bytes = integer(shield, "max_shield_bytes");
    if (!bytes || *bytes <= 0) {
      require(shield, "max_shield_bytes", "above zero when browser_shield is enabled");
      if (bytes) {
        error("E0707", shield.get("max_shield_bytes")->range,
              "browser_shield.max_shield_bytes must be above zero");
      }
    }
    domain_list(shield, "exempt_domains");
    domain_list(shield, "tracking_domains");
  }
}

void ConfigRules::identity_sections() {
  ConfigScope media = root_.child("media_policy");
  if (const YamlNode* types = media.get("allowed_image_types")) {
    for (std::size_t i = 0; i < types->items.size(); ++i) {
      const std::string type = config_string(types->items[i]);
      if (is_image_type(type) && type != "image/svg+xml") continue;
      error("E0707", types->items[i].range,
            fmt::format("media_policy.allowed_image_types[{}] '{}' is not a concrete raster "
                        "image type such as image/png",
                        i, type));
    }
  }
  not_negative(media, "max_image_bytes");
  ConfigScope taint = root_.child("taint");
  schema_choice(taint, "policy");
  domain_list(taint, "allowlisted_domains");
  glob_list(taint, "protected_paths");
  glob_list(taint, "elevated_paths");
  if (const YamlNode* overrides = taint.get("trust_overrides")) {
    for (std::size_t i = 0; i < overrides->items.size(); ++i) {
      ConfigScope item{&overrides->items[i], fmt::format("taint.trust_overrides[{}]", i)};
      require(item, "scope", "for every trust override");
      schema_choice(item, "scope", false);
      const std::string scope = text(item, "scope");
      if (scope == "action") require(item, "action_match", "when scope is action");
      if (scope == "source") require(item, "source_match", "when scope is source");
      require(item, "expires_at", "for every trust override");
    }
  }
  ConfigScope envelope = root_.child("mediation_envelope");
  if (flag(envelope, "sign", false)) {
    if (!flag(envelope, "enabled", false)) {
      error("E0708", envelope.get("sign")->range,
            "mediation_envelope.sign needs mediation_envelope.enabled: true");
    }
    require(envelope, "signing_key_path", "when mediation_envelope.sign is true");
    if (!text(envelope, "signing_key_path").empty()) {
      environment_dependent(envelope, "signing_key_path", "it must hold an Ed25519 private key");
    }
  }
  if (const YamlNode* components = envelope.get("signed_components")) {
    std::set<std::string> seen;
    for (std::size_t i = 0; i < components->items.size(); ++i) {
      ConfigScope list{components, "mediation_envelope.signed_components"};
      const std::string c = config_string(components->items[i]);
      if (!seen.insert(c).second) {
        error("E0707", components->items[i].range,
              fmt::format("{}[{}] '{}' is listed twice", list.path, i, c));
      } else if (c != "@method" && c != "@target-uri" && c != "@authority" &&
                 c != "content-digest" && c != "pipelock-mediation") {
        error("E0703", components->items[i].range,
              fmt::format("{}[{}] '{}' is not one of @method, @target-uri, @authority, "
                          "content-digest, pipelock-mediation",
                          list.path, i, c));
      }
    }
  }
  not_negative(envelope, "created_skew_seconds");
  not_negative(envelope, "max_body_bytes");

  ConfigScope redaction = root_.child("redaction");
  if (flag(redaction, "enabled", false)) {
    require(redaction, "default_profile", "when redaction is enabled");
    const std::string profile = text(redaction, "default_profile");
    if (!profile.empty() && !has_config_key(redaction.get("profiles"), profile)) {
      error("E0708", redaction.get("default_profile")->range,
            fmt::format("redaction.default_profile '{}' is not a key of redaction.profiles",
                        profile));
    }
    if (!flag(root_.child("request_body_scanning"), "enabled", true)) {
      error("E0708", redaction.get("enabled")->range,
            "redaction needs request_body_scanning.enabled: true");
    }
  }
  const std::string identity = text(root_, "default_agent_identity");
  if (!identity.empty() && (std::isspace(static_cast<unsigned char>(identity.front())) ||
                            std::isspace(static_cast<unsigned char>(identity.back())))) {
    error("E0707", root_.get("default_agent_identity")->range,
          "default_agent_identity has leading or trailing whitespace");
  }
  if (flag(root_, "bind_default_agent_identity", false)) {
    require(root_, "default_agent_identity", "when bind_default_agent_identity is true");
  }
  if (!text(root_, "license_file").empty()) {
    environment_dependent(root_, "license_file",
                          "it must be a regular file of at most 16 KiB with mode 0600 or 0640");
  }
  if (const YamlNode* agents = root_.get("agents")) {
    for (const YamlNode::Entry& entry : agents->entries) agent(entry);
  }
}

void ConfigRules::agent(const YamlNode::Entry& entry) {
  static const re2::RE2 name("[a-zA-Z0-9._-]{1,64}");
  if (!re2::RE2::FullMatch(entry.key, name) || entry.key == "anonymous") {
    error("E0707", entry.key_range,
          fmt::format("agent name '{}' must be 1 to 64 of [a-zA-Z0-9._-] and not 'anonymous'",
                      entry.key));
  }
  ConfigScope profile{&entry.value, "agents." + entry.key};
  schema_choice(profile, "mode");
  cidr_list(profile, "source_cidrs", false);
  domain_list(profile, "trusted_domains");
  not_negative(profile, "rate_limit.max_requests_per_minute");
  not_negative(profile, "rate_limit.max_data_per_minute");
  schema_choice(profile, "budget.dow_action");
  if (const YamlNode* patterns = profile.get("dlp.patterns")) {
    for (std::size_t i = 0; i < patterns->items.size(); ++i) {
      dlp_pattern({&patterns->items[i], fmt::format("{}.dlp.patterns[{}]", profile.path, i)});
    }
  }
  tool_policy(profile.child("mcp_tool_policy"));
}

// Every rule of validateAirlock applies only when airlock is enabled.
void ConfigRules::airlock() {
  ConfigScope airlock = root_.child("airlock");
  if (!flag(airlock, "enabled", false)) return;
  require_enabled("airlock", "session_profiling");
  ConfigScope triggers = airlock.child("triggers");
  // An absent trigger reads as its default: none, soft, hard.
  static const std::vector<std::string> tiers = {"none", "soft", "hard", "drain"};
  const char* keys[] = {"on_elevated", "on_high", "on_critical"};
  const char* defaults[] = {"none", "soft", "hard"};
  std::size_t levels[3] = {};
  bool known = true;
  for (int i = 0; i < 3; ++i) {
    schema_choice(triggers, keys[i]);
    const std::string tier =
        text(triggers, keys[i]).empty() ? defaults[i] : text(triggers, keys[i]);
    levels[i] =
        static_cast<std::size_t>(std::find(tiers.begin(), tiers.end(), tier) - tiers.begin());
    known = known && levels[i] < tiers.size();
  }
  if (known && (levels[0] > levels[1] || levels[1] > levels[2])) {
    error("E0709", section_range("airlock"),
          fmt::format("airlock.triggers must not weaken as the level rises: on_elevated ({}), "
                      "on_high ({}), on_critical ({})",
                      tiers[levels[0]], tiers[levels[1]], tiers[levels[2]]));
  }
  schema_choice(triggers, "on_severity");
  for (const char* key : {"timers.soft_minutes", "timers.hard_minutes", "timers.drain_minutes",
                          "timers.drain_timeout_seconds", "triggers.anomaly_count",
                          "triggers.anomaly_window_minutes"}) {
    not_negative(airlock, key);
  }
}

// pipelock's validateSuppress: a rule name and a path for each entry; a path with a glob
// character must be a valid glob.
void ConfigRules::suppress_entries() {
  const YamlNode* entries = root_.get("suppress");
  if (!entries || entries->kind != YamlNode::Kind::Sequence) return;
  for (std::size_t i = 0; i < entries->items.size(); ++i) {
    ConfigScope entry{&entries->items[i], fmt::format("suppress[{}]", i)};
    if (text(entry, "rule").empty()) {
      missing(entry, "rule", "for every suppress entry");
      continue;
    }
    if (text(entry, "path").empty()) {
      missing(entry, "path", "for every suppress entry");
      continue;
    }
    if (text(entry, "path").find_first_of("*?[") != std::string::npos) go_glob(entry, "path");
  }
}

// pipelock's validateScanAPI: checked only when the scan API listens.
void ConfigRules::scan_api() {
  ConfigScope api = root_.child("scan_api");
  if (text(api, "listen").empty()) return;
  require(api, "auth.bearer_tokens", "when scan_api.listen is set");
  no_empty_entries(api.child("auth"), "bearer_tokens");
  for (const char* key : {"scan", "read", "write"}) duration(api.child("timeouts"), key);
  not_negative(api, "connection_limit");
  not_negative(api, "max_body_bytes");
}

// pipelock's Load resolves a relative watch path against the config file's folder and
// refuses one that leaves it, enabled or not: the folder is where the file is, so only
// the path's own `..` steps can leave it.
void ConfigRules::watch_paths() {
  ConfigScope sentry = root_.child("file_sentry");
  const YamlNode* paths = sentry.get("watch_paths");
  if (!paths || paths->kind != YamlNode::Kind::Sequence) return;
  for (std::size_t i = 0; i < paths->items.size(); ++i) {
    const YamlNode& item = paths->items[i];
    if (item.kind != YamlNode::Kind::Scalar || !path_leaves_its_folder(item.scalar)) continue;
    error("E0707", item.range,
          fmt::format("file_sentry.watch_paths[{}] '{}' leaves the config file's folder; "
                      "pipelock 2.3.0 refuses it (write an absolute path instead)",
                      i, item.scalar));
  }
}

}  // namespace policyc
