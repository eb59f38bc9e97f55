#include "pipelock/diff/config_effective.hpp"

#include <fmt/format.h>

#include "pipelock/validate/config_tree.hpp"
#include "base/json_writer.hpp"
#include "pipelock/schema/config_keys.hpp"
#include "pipelock/schema/ssrf.hpp"

namespace policyc {

namespace {

using Type = ConfigKey::Type;

// List elements that are records are keyed by their `name` where they have one, so
// reordering a list of DLP patterns is no change.
std::string element_key(const YamlNode& item, std::size_t index) {
  const YamlNode* name = find_config_node(item, "name");
  if (name && name->kind == YamlNode::Kind::Scalar && !name->scalar.empty()) {
    return json_quote(name->scalar);
  }
  return std::to_string(index);
}

void flatten(const YamlNode& node, const ConfigKey& key, const std::string& path,
             EffectiveConfig& out) {
  if (node.kind == YamlNode::Kind::Null) return;
  auto join = [&](const std::string& k) { return path.empty() ? k : path + "." + k; };
  switch (key.type) {
    case Type::Struct:
      for (const YamlNode::Entry& entry : node.entries) {
        if (const ConfigKey* field = key.field(entry.key)) {
          flatten(entry.value, *field, join(entry.key), out);
        }
      }
      return;
    case Type::Map:
      for (const YamlNode::Entry& entry : node.entries) {
        flatten(entry.value, *key.element, join(entry.key), out);
      }
      return;
    case Type::List:
      if (key.element->type == Type::Struct || key.element->type == Type::List) {
        for (std::size_t i = 0; i < node.items.size(); ++i) {
          flatten(node.items[i], *key.element,
                  fmt::format("{}[{}]", path, element_key(node.items[i], i)), out);
        }
      } else {
        std::vector<std::string>& items = out.lists[path];
        for (const YamlNode& item : node.items) items.push_back(config_string(item));
      }
      return;
    case Type::Bool:
      if (auto value = config_bool(node))
        out.scalars[path] = EffectiveScalar{*value ? "true" : "false", false};
      return;
    case Type::Int:
      if (auto value = config_int(node))
        out.scalars[path] = EffectiveScalar{std::to_string(*value), false};
      return;
    case Type::Float:
    case Type::Timestamp:
      out.scalars[path] = EffectiveScalar{node.scalar, false};
      return;
    case Type::String:
      out.scalars[path] = EffectiveScalar{config_string(node), true};
      return;
  }
}

}  // namespace

const std::vector<RankedSetting>& ranked_settings() {
  static const std::vector<RankedSetting> table = {
      {"mode", "balanced", {"strict", "balanced", "audit"}},
      {"enforce", "true", {"true", "false"}},
      {"explain_blocks", "false", {"false", "true"}},
      {"forward_proxy.enabled", "false", {"false", "true"}},
      {"forward_proxy.sni_verification", "true", {"true", "false"}},
      {"websocket_proxy.enabled", "false", {"false", "true"}},
      {"dlp.include_defaults", "true", {"true", "false"}},
      {"dlp.scan_env", "true", {"true", "false"}},
      {"response_scanning.enabled", "true", {"true", "false"}},
      {"response_scanning.action", "warn", {"block", "ask", "strip", "warn"}},
      {"mcp_input_scanning.enabled", "false", {"true", "false"}},
      {"mcp_input_scanning.action", "warn", {"block", "warn"}},
      {"mcp_tool_scanning.enabled", "false", {"true", "false"}},
      {"mcp_tool_scanning.action", "warn", {"block", "warn"}},
      {"mcp_tool_policy.enabled", "false", {"true", "false"}},
      {"request_body_scanning.enabled", "true", {"true", "false"}},
      {"request_body_scanning.action", "warn", {"block", "warn"}},
      {"request_body_scanning.scan_headers", "true", {"true", "false"}},
      {"request_body_scanning.header_mode", "sensitive", {"all", "sensitive"}},
      {"kill_switch.enabled", "false", {"true", "false"}},
      {"tls_interception.enabled", "false", {"true", "false"}},
      {"seed_phrase_detection.enabled", "true", {"true", "false"}},
      {"seed_phrase_detection.min_words", "12", {"12", "15", "18", "21", "24"}},
      {"taint.enabled", "true", {"true", "false"}},
  };
  return table;
}

namespace {

// Fills in what pipelock assumes for an absent ranked key (and internal's defaults),
// so writing a default out is no change.
void apply_defaults(EffectiveConfig& flat) {
  for (const RankedSetting& ranked : ranked_settings()) {
    auto it = flat.scalars.find(ranked.path);
    const bool unset =
        it == flat.scalars.end() || it->second.raw.empty() ||
        (std::string(ranked.path) == "seed_phrase_detection.min_words" && it->second.raw == "0");
    if (unset) {
      const std::string absent = ranked.absent;
      const bool is_string = absent != "true" && absent != "false" &&
                             absent.find_first_not_of("0123456789") != std::string::npos;
      flat.scalars[ranked.path] = EffectiveScalar{absent, is_string};
    }
  }
  if (flat.lists.find("internal") == flat.lists.end()) {
    flat.lists["internal"] = default_internal_cidrs();
    flat.default_internal = true;
  }
}

}  // namespace

EffectiveConfig effective_config(const YamlNode& root) {
  EffectiveConfig flat;
  flatten(root, pipelock_config_root(), "", flat);
  apply_defaults(flat);
  return flat;
}

}  // namespace policyc
