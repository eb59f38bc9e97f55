#include "pipelock/schema/output_schema.hpp"

#include <cstdio>
#include <cstdlib>
#include <map>

#include "pipelock/schema/config_keys.hpp"

namespace policyc {

namespace {

using Type = TargetField::Type;
using KeyType = ConfigKey::Type;

/// What a policy needs to know of one key beyond its type in config_keys. Paths are
/// written as tests/data/pipelock-2.3.0-keys.txt writes them: `[]` a list's element,
/// `{}` a map's value.
struct Shape {
  std::string_view path;
  enum class As { Hosts, TrustedDomains, Cidrs, Duration, Regexp, Required, Bare } as;
};

using As = Shape::As;

const std::vector<Shape>& shapes() {
  static const std::vector<Shape> table = {
      // `mode: strict` is written bare by the reference renderer, so keep it bare.
      {"mode", As::Bare},
      {"api_allowlist", As::Hosts},
      {"forward_proxy.redirect_websocket_hosts", As::Hosts},
      {"tls_interception.passthrough_domains", As::Hosts},
      {"fetch_proxy.monitoring.blocklist", As::Hosts},
      {"agents{}.api_allowlist", As::Hosts},
      // The lists pipelock's ValidateTrustedDomains judges.
      {"trusted_domains", As::TrustedDomains},
      {"fetch_proxy.monitoring.subdomain_entropy_exclusions", As::TrustedDomains},
      {"dlp.patterns[].exempt_domains", As::TrustedDomains},
      {"response_scanning.exempt_domains", As::TrustedDomains},
      {"adaptive_enforcement.exempt_domains", As::TrustedDomains},
      {"cross_request_detection.entropy_budget.exempt_domains", As::TrustedDomains},
      {"browser_shield.exempt_domains", As::TrustedDomains},
      {"browser_shield.tracking_domains", As::TrustedDomains},
      {"taint.allowlisted_domains", As::TrustedDomains},
      {"agents{}.trusted_domains", As::TrustedDomains},
      {"agents{}.dlp.patterns[].exempt_domains", As::TrustedDomains},
      // Go's net.ParseCIDR.
      {"internal", As::Cidrs},
      {"ssrf.ip_allowlist", As::Cidrs},
      {"kill_switch.allowlist_ips", As::Cidrs},
      {"agents{}.source_cidrs", As::Cidrs},
      // Go's time.ParseDuration, above zero.
      {"tls_interception.cert_ttl", As::Duration},
      {"scan_api.timeouts.read", As::Duration},
      {"scan_api.timeouts.write", As::Duration},
      {"scan_api.timeouts.scan", As::Duration},
      // Go's regexp.Compile, as pipelock loads the config.
      {"dlp.patterns[].regex", As::Regexp},
      {"response_scanning.patterns[].regex", As::Regexp},
      {"mcp_tool_policy.rules[].tool_pattern", As::Regexp},
      {"mcp_tool_policy.rules[].arg_pattern", As::Regexp},
      {"mcp_tool_policy.rules[].arg_key", As::Regexp},
      {"agents{}.dlp.patterns[].regex", As::Regexp},
      {"agents{}.mcp_tool_policy.rules[].tool_pattern", As::Regexp},
      {"agents{}.mcp_tool_policy.rules[].arg_pattern", As::Regexp},
      {"agents{}.mcp_tool_policy.rules[].arg_key", As::Regexp},
      // The fields of a list element pipelock refuses an element without.
      {"suppress[].rule", As::Required},
      {"suppress[].path", As::Required},
      {"dlp.patterns[].name", As::Required},
      {"dlp.patterns[].regex", As::Required},
      {"agents{}.dlp.patterns[].name", As::Required},
      {"agents{}.dlp.patterns[].regex", As::Required},
      {"canary_tokens.tokens[].name", As::Required},
      {"canary_tokens.tokens[].value", As::Required},
      {"response_scanning.patterns[].name", As::Required},
      {"response_scanning.patterns[].regex", As::Required},
      {"mcp_tool_policy.rules[].name", As::Required},
      {"mcp_tool_policy.rules[].tool_pattern", As::Required},
      {"agents{}.mcp_tool_policy.rules[].name", As::Required},
      {"agents{}.mcp_tool_policy.rules[].tool_pattern", As::Required},
      {"tool_chain_detection.custom_patterns[].name", As::Required},
      {"taint.trust_overrides[].scope", As::Required},
      {"taint.trust_overrides[].expires_at", As::Required},
      {"rules.trusted_keys[].public_key", As::Required},
  };
  return table;
}

[[noreturn]] void schema_mismatch(std::string_view path, const char* why) {
  // A programming error in the table above, caught by the first test that loads it.
  std::fprintf(stderr, "policyc: internal error: output schema path '%.*s' %s\n",
               static_cast<int>(path.size()), path.data(), why);
  std::abort();
}

// The shapes of each path, found by one lookup per key rather than a scan of the table.
using ShapeIndex = std::map<std::string_view, std::vector<std::size_t>>;

void apply_shapes(TargetField& field, const std::string& path, const ShapeIndex& index,
                  std::vector<bool>& applied) {
  const auto found = index.find(path);
  if (found == index.end()) return;
  for (std::size_t i : found->second) {
    const Shape& shape = shapes()[i];
    applied[i] = true;
    switch (shape.as) {
      case As::Hosts:
      case As::TrustedDomains:
      case As::Cidrs:
        if (field.type != Type::StringList) schema_mismatch(path, "is no list of strings");
        field.type = shape.as == As::Cidrs ? Type::CidrList : Type::HostList;
        field.trusted_domains = shape.as == As::TrustedDomains;
        break;
      case As::Duration:
      case As::Regexp:
        if (field.type != Type::String) schema_mismatch(path, "is no string");
        field.text = shape.as == As::Duration ? TargetField::Text::Duration
                                              : TargetField::Text::Regexp;
        break;
      case As::Required:
        field.required = true;
        break;
      case As::Bare:
        field.bare = true;
        break;
    }
  }
}

// One key of config_keys as a policy sets it. A struct is a section at the top and in
// sections (written as a block), and a record inside a list or map (written as a value).
TargetField build_field(const ConfigKey& key, const std::string& path, bool in_value,
                        const ShapeIndex& index, std::vector<bool>& applied) {
  TargetField field;
  field.key = std::string(key.name);
  field.enum_values = key.choices;
  switch (key.type) {
    case KeyType::Struct:
      field.type = in_value ? Type::Record : Type::Section;
      field.children.reserve(key.fields().size());
      for (const ConfigKey& member : key.fields()) {
        const std::string member_path = (path.empty() ? "" : path + ".") + std::string(member.name);
        field.children.push_back(build_field(member, member_path, in_value, index, applied));
      }
      break;
    case KeyType::Int:
      field.type = Type::Int;
      break;
    case KeyType::Float:
      field.type = Type::Number;
      break;
    case KeyType::Bool:
      field.type = Type::Bool;
      break;
    case KeyType::String:
    case KeyType::Timestamp:
      field.type = key.choices.empty() ? Type::String : Type::Enum;
      break;
    case KeyType::List:
    case KeyType::Map:
      if (key.type == KeyType::List && key.element->type == KeyType::String &&
          key.element->choices.empty()) {
        field.type = Type::StringList;
        break;
      }
      field.type = key.type == KeyType::List ? Type::List : Type::Map;
      field.element = std::make_shared<const TargetField>(
          build_field(*key.element, path + (key.type == KeyType::List ? "[]" : "{}"), true,
                      index, applied));
      break;
  }
  apply_shapes(field, path, index, applied);
  return field;
}

TargetField build_root() {
  std::vector<bool> applied(shapes().size());
  ShapeIndex index;
  for (std::size_t i = 0; i < shapes().size(); ++i) index[shapes()[i].path].push_back(i);
  TargetField root = build_field(pipelock_config_root(), "", false, index, applied);
  for (std::size_t i = 0; i < applied.size(); ++i) {
    if (!applied[i]) schema_mismatch(shapes()[i].path, "is not in pipelock's config");
  }
  return root;
}

// "records", "lists of strings": what a list or map holds, as its type names it.
std::string plural(const TargetField& element) {
  std::string name = target_type_name(element);
  const std::size_t space = name.find(' ');
  return space == std::string::npos ? name + "s" : name.insert(space, "s");
}

}  // namespace

const TargetField& pipelock_schema() {
  static const TargetField root = build_root();
  return root;
}

const TargetField* find_target_field(const TargetField& section, std::string_view key) {
  for (const TargetField& child : section.children) {
    if (child.key == key) return &child;
  }
  return nullptr;
}

std::vector<std::string> target_field_names(const TargetField& section) {
  std::vector<std::string> names;
  names.reserve(section.children.size());
  for (const TargetField& child : section.children) names.push_back(child.key);
  return names;
}

std::string target_type_name(const TargetField& field) {
  switch (field.type) {
    case Type::Section:
      return "section";
    case Type::Int:
      return "int";
    case Type::Bool:
      return "bool";
    case Type::String:
      return "string";
    case Type::Enum:
      return "enum";
    case Type::StringList:
      return "list of strings";
    case Type::HostList:
      return "list of hostnames";
    case Type::CidrList:
      return "list of CIDRs";
    case Type::Number:
      return "number";
    case Type::Record:
      return "record";
    case Type::List:
      return "list of " + plural(*field.element);
    case Type::Map:
      return "map of " + plural(*field.element);
  }
  return "section";
}

}  // namespace policyc
