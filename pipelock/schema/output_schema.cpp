#include "pipelock/schema/output_schema.hpp"

namespace policyc {

namespace {

using Type = TargetField::Type;

TargetField leaf(std::string key, Type type) {
  TargetField field;
  field.key = std::move(key);
  field.type = type;
  return field;
}

TargetField one_of(std::string key, Type type, std::vector<std::string> values, bool bare) {
  TargetField field = leaf(std::move(key), type);
  field.enum_values = std::move(values);
  field.bare = bare;
  return field;
}

TargetField section(std::string key, std::vector<TargetField> children) {
  TargetField field = leaf(std::move(key), Type::Section);
  field.children = std::move(children);
  return field;
}

// The order is the reference renderer's (it puts seed_phrase_detection and ssrf where
// pipelock's own struct does not), because output must match it byte for byte and
// pipelock ignores key order anyway. fetch_proxy, internal and trusted_domains, which
// the reference never writes, come last.
TargetField build_root() {
  return section(
      "", {
              leaf("version", Type::Int),
              // `mode: strict` is written bare by the reference, so keep it bare.
              one_of("mode", Type::Enum, {"strict", "balanced", "audit"}, true),
              leaf("enforce", Type::Bool),
              leaf("explain_blocks", Type::Bool),
              leaf("api_allowlist", Type::HostList),
              section("seed_phrase_detection",
                      {
                          leaf("enabled", Type::Bool),
                          one_of("min_words", Type::Int, {"12", "15", "18", "21", "24"}, false),
                          leaf("verify_checksum", Type::Bool),
                      }),
              section("forward_proxy",
                      {
                          leaf("enabled", Type::Bool),
                          leaf("max_tunnel_seconds", Type::Int),
                          leaf("idle_timeout_seconds", Type::Int),
                          leaf("sni_verification", Type::Bool),
                          leaf("redirect_websocket_hosts", Type::HostList),
                      }),
              section("dlp",
                      {
                          leaf("include_defaults", Type::Bool),
                          leaf("scan_env", Type::Bool),
                          leaf("min_env_secret_length", Type::Int),
                      }),
              section("request_body_scanning",
                      {
                          leaf("enabled", Type::Bool),
                          one_of("action", Type::Enum, {"warn", "block"}, false),
                          leaf("max_body_bytes", Type::Int),
                          leaf("scan_headers", Type::Bool),
                          one_of("header_mode", Type::Enum, {"sensitive", "all"}, false),
                      }),
              section("tls_interception",
                      {
                          leaf("enabled", Type::Bool),
                          leaf("ca_cert", Type::String),
                          leaf("ca_key", Type::String),
                          leaf("passthrough_domains", Type::HostList),
                          leaf("cert_ttl", Type::String),
                          leaf("cert_cache_size", Type::Int),
                          leaf("max_response_bytes", Type::Int),
                      }),
              section("ssrf", {leaf("ip_allowlist", Type::CidrList)}),
              section("fetch_proxy",
                      {section("monitoring", {leaf("blocklist", Type::HostList)})}),
              leaf("internal", Type::CidrList),
              leaf("trusted_domains", Type::HostList),
          });
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
