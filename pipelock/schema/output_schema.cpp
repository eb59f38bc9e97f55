#include "pipelock/schema/output_schema.hpp"

#include <cstdio>
#include <cstdlib>

#include "pipelock/schema/config_keys.hpp"

namespace policyc {

namespace {

using Type = TargetField::Type;
using KeyType = ConfigKey::Type;

/// What a policy may write at one path of the config, beyond what config_keys says.
struct Settable {
  std::string_view path;  // dotted, from the root
  enum class As { Plain, Hosts, Cidrs } as = As::Plain;
  bool bare = false;  // render the string unquoted (`mode: strict`)
};

using As = Settable::As;

// The order is the reference renderer's (it puts seed_phrase_detection and ssrf where
// pipelock's own struct does not), because output must match it byte for byte and
// pipelock ignores key order anyway; a section comes where its first field does.
// fetch_proxy, internal and trusted_domains, which the reference never writes, come last.
const std::vector<Settable>& settable_paths() {
  static const std::vector<Settable> paths = {
      {"version"},
      // `mode: strict` is written bare by the reference, so keep it bare.
      {"mode", As::Plain, true},
      {"enforce"},
      {"explain_blocks"},
      {"api_allowlist", As::Hosts},
      {"seed_phrase_detection.enabled"},
      {"seed_phrase_detection.min_words"},
      {"seed_phrase_detection.verify_checksum"},
      {"forward_proxy.enabled"},
      {"forward_proxy.max_tunnel_seconds"},
      {"forward_proxy.idle_timeout_seconds"},
      {"forward_proxy.sni_verification"},
      {"forward_proxy.redirect_websocket_hosts", As::Hosts},
      {"dlp.include_defaults"},
      {"dlp.scan_env"},
      {"dlp.min_env_secret_length"},
      {"request_body_scanning.enabled"},
      {"request_body_scanning.action"},
      {"request_body_scanning.max_body_bytes"},
      {"request_body_scanning.scan_headers"},
      {"request_body_scanning.header_mode"},
      {"tls_interception.enabled"},
      {"tls_interception.ca_cert"},
      {"tls_interception.ca_key"},
      {"tls_interception.passthrough_domains", As::Hosts},
      {"tls_interception.cert_ttl"},
      {"tls_interception.cert_cache_size"},
      {"tls_interception.max_response_bytes"},
      {"ssrf.ip_allowlist", As::Cidrs},
      {"fetch_proxy.monitoring.blocklist", As::Hosts},
      {"internal", As::Cidrs},
      {"trusted_domains", As::Hosts},
  };
  return paths;
}

[[noreturn]] void schema_mismatch(std::string_view path, const char* why) {
  // A programming error in the table above, caught by the first test that loads it.
  std::fprintf(stderr, "policyc: internal error: output schema path '%.*s' %s\n",
               static_cast<int>(path.size()), path.data(), why);
  std::abort();
}

// The policy-side type of a settable leaf, from pipelock's own type for the key.
Type leaf_type(const Settable& settable, const ConfigKey& key) {
  switch (key.type) {
    case KeyType::Int:
      return Type::Int;
    case KeyType::Bool:
      return Type::Bool;
    case KeyType::String:
      return key.choices.empty() ? Type::String : Type::Enum;
    case KeyType::List:
      if (key.element && key.element->type == KeyType::String) {
        return settable.as == As::Hosts   ? Type::HostList
               : settable.as == As::Cidrs ? Type::CidrList
                                          : Type::StringList;
      }
      break;
    default:
      break;
  }
  schema_mismatch(settable.path, "has a type a policy cannot set");
}

TargetField& child_section(TargetField& section, const std::string& key) {
  for (TargetField& child : section.children) {
    if (child.key == key) return child;
  }
  TargetField child;
  child.key = key;
  section.children.push_back(std::move(child));
  return section.children.back();
}

TargetField build_root() {
  TargetField root;
  for (const Settable& settable : settable_paths()) {
    TargetField* section = &root;
    const ConfigKey* key = &pipelock_config_root();
    std::string_view rest = settable.path;
    for (std::size_t dot; (dot = rest.find('.')) != std::string_view::npos;) {
      const std::string name(rest.substr(0, dot));
      key = key->field(name);
      if (!key || key->type != KeyType::Struct)
        schema_mismatch(settable.path, "is not in pipelock's config");
      section = &child_section(*section, name);
      rest.remove_prefix(dot + 1);
    }
    key = key->field(rest);
    if (!key) schema_mismatch(settable.path, "is not in pipelock's config");
    TargetField leaf;
    leaf.key = std::string(rest);
    leaf.type = leaf_type(settable, *key);
    leaf.enum_values = key->choices;
    leaf.bare = settable.bare;
    section->children.push_back(std::move(leaf));
  }
  return root;
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

const char* target_type_name(TargetField::Type type) {
  switch (type) {
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
  }
  return "section";
}

}  // namespace policyc
