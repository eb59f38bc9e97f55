#include "base/host_class.hpp"

#include <fmt/format.h>

#include <map>
#include <string_view>

#include "base/broad_wildcard.hpp"
#include "base/ip_address.hpp"
#include "base/value_prefix.hpp"

namespace policyc {

namespace {

// Cloud instance-metadata endpoints: where a workload reads its credentials. From the
// providers' documentation; a name here is matched exactly, an address by value.
struct MetadataEndpoint {
  std::string_view host;
  std::string_view provider;
};
constexpr MetadataEndpoint kMetadataEndpoints[] = {
    {"169.254.169.254", "AWS, Google Cloud, Azure, Oracle Cloud, DigitalOcean and OpenStack"},
    {"fd00:ec2::254", "AWS (IPv6)"},
    {"169.254.170.2", "AWS ECS task credentials"},
    {"169.254.170.23", "AWS EKS Pod Identity"},
    {"100.100.100.200", "Alibaba Cloud"},
    {"168.63.129.16", "Azure (WireServer)"},
    {"metadata.google.internal", "Google Cloud"},
    {"metadata.goog", "Google Cloud"},
    {"metadata.tencentyun.com", "Tencent Cloud"},
    {"metadata.platformequinix.com", "Equinix Metal"},
};

// Special-use domain names (RFC 6761, RFC 6762, RFC 8375, and ICANN's reservation of
// .internal): they resolve, if at all, only inside one network.
constexpr std::string_view kSpecialUseDomains[] = {
    "localhost", "local", "test", "invalid", "example", "internal", "home.arpa", "onion",
};

// The ranges a class names, parsed once: the classifier runs for every host of a
// guarded manifest field.
bool in_network(const IpAddress& address, std::string_view cidr) {
  static const std::map<std::string_view, IpNetwork> parsed = [] {
    std::map<std::string_view, IpNetwork> out;
    for (std::string_view text : {"::ffff:0:0/96", "127.0.0.0/8", "::1/128", "10.0.0.0/8",
                                  "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10",
                                  "169.254.0.0/16", "fe80::/10", "fc00::/7"}) {
      out.emplace(text, *parse_ip_network(std::string(text)));
    }
    return out;
  }();
  return parsed.at(cidr).contains(address);
}

bool under(std::string_view host, std::string_view domain) {
  return host == domain || (host.size() > domain.size() && host.substr(host.size() - domain.size()) == domain &&
                            host[host.size() - domain.size() - 1] == '.');
}

void classify_address(const IpAddress& address, HostClassification& out) {
  auto add = [&](HostClass c) { out.classes.push_back(c); };
  if (address.v6 && in_network(address, "::ffff:0:0/96")) {
    IpAddress v4;
    for (int i = 0; i < 4; ++i) v4.bytes[i] = address.bytes[12 + i];
    classify_address(v4, out);
    add(HostClass::Ipv4Mapped);
    return;
  }
  if (in_network(address, "127.0.0.0/8") || in_network(address, "::1/128")) add(HostClass::Loopback);
  for (std::string_view cidr : {"10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10"}) {
    if (in_network(address, cidr)) add(HostClass::Private);
  }
  if (in_network(address, "169.254.0.0/16") || in_network(address, "fe80::/10")) {
    add(HostClass::LinkLocal);
  }
  if (in_network(address, "fc00::/7")) add(HostClass::UniqueLocal);
  add(HostClass::Ip);
}

}  // namespace

const char* host_class_name(HostClass host_class) {
  switch (host_class) {
    case HostClass::Metadata: return "metadata";
    case HostClass::Loopback: return "loopback";
    case HostClass::Private: return "private";
    case HostClass::LinkLocal: return "link_local";
    case HostClass::UniqueLocal: return "unique_local";
    case HostClass::Ipv4Mapped: return "ipv4_mapped";
    case HostClass::Ip: return "ip";
    case HostClass::SpecialUse: return "special_use";
    case HostClass::NonLdh: return "non_ldh";
    case HostClass::BroadWildcard: return "broad_wildcard";
    case HostClass::Wildcard: return "wildcard";
  }
  return "ip";
}

std::optional<HostClass> host_class_named(const std::string& name) {
  for (std::size_t i = 0; i < kHostClassCount; ++i) {
    const auto host_class = static_cast<HostClass>(i);
    if (name == host_class_name(host_class)) return host_class;
  }
  return std::nullopt;
}

std::vector<std::string> host_class_names() {
  std::vector<std::string> names;
  for (std::size_t i = 0; i < kHostClassCount; ++i) {
    names.emplace_back(host_class_name(static_cast<HostClass>(i)));
  }
  return names;
}

const char* host_class_reason(HostClass host_class) {
  switch (host_class) {
    case HostClass::Metadata:
      return "a cloud's instance-metadata endpoint, which hands out the machine's credentials";
    case HostClass::Loopback:
      return "the loopback address: the proxy's own machine, not a site on the internet";
    case HostClass::Private:
      return "a private address (RFC 1918 or RFC 6598), inside some network rather than on the "
             "internet";
    case HostClass::LinkLocal:
      return "a link-local address, reachable only on the local network segment";
    case HostClass::UniqueLocal:
      return "a unique-local IPv6 address, private to some network";
    case HostClass::Ipv4Mapped:
      return "an IPv4 address written as IPv6, which hides the address it reaches";
    case HostClass::Ip:
      return "an IP address: the config then allows whatever answers there, under no name";
    case HostClass::SpecialUse:
      return "a special-use name (RFC 6761, RFC 8375) that resolves only inside some network";
    case HostClass::NonLdh:
      return "a label with a character other than letters, digits and '-', which is no host "
             "name (an underscore marks DNS records such as _dmarc)";
    case HostClass::BroadWildcard:
      return "a wildcard under a public suffix or a shared-hosting domain";
    case HostClass::Wildcard:
      return "a wildcard: every name under the domain";
  }
  return "";
}

std::string host_class_problem(const std::string& host, HostClass host_class,
                               const HostClassification& classification) {
  if (host_class == HostClass::BroadWildcard) return classification.broad_wildcard;
  std::string text = fmt::format("'{}' is {}", value_prefix(host), host_class_reason(host_class));
  const bool detailed = host_class == HostClass::Metadata || host_class == HostClass::SpecialUse ||
                        host_class == HostClass::Loopback;
  if (detailed && !classification.detail.empty()) text += " (" + classification.detail + ")";
  return text;
}

HostClassification classify_host(const std::string& written) {
  HostClassification out;
  const bool wildcard = written.rfind("*.", 0) == 0;
  std::string host = wildcard ? written.substr(2) : written;
  if (!host.empty() && host.back() == '.') host.pop_back();
  for (const MetadataEndpoint& endpoint : kMetadataEndpoints) {
    if (host != endpoint.host) continue;
    out.classes.push_back(HostClass::Metadata);
    out.detail = fmt::format("{} is the instance-metadata endpoint of {}", host, endpoint.provider);
  }
  std::string address_text = host;
  if (address_text.size() > 2 && address_text.front() == '[' && address_text.back() == ']') {
    address_text = address_text.substr(1, address_text.size() - 2);
  }
  if (const std::optional<IpAddress> address = parse_ip_address(address_text)) {
    classify_address(*address, out);
    if (!wildcard) return out;
  }
  for (std::string_view domain : kSpecialUseDomains) {
    if (!under(host, domain)) continue;
    if (domain == "localhost") out.classes.push_back(HostClass::Loopback);
    out.classes.push_back(HostClass::SpecialUse);
    if (out.detail.empty()) out.detail = fmt::format("'.{}' is a special-use domain", domain);
    break;
  }
  if (host.find('_') != std::string::npos) out.classes.push_back(HostClass::NonLdh);
  if (!wildcard) return out;
  out.broad_wildcard = broad_wildcard_problem(written);
  if (!out.broad_wildcard.empty()) out.classes.push_back(HostClass::BroadWildcard);
  out.classes.push_back(HostClass::Wildcard);
  return out;
}

const std::vector<std::string>& host_class_samples() {
  static const std::vector<std::string> samples = {
      "169.254.169.254",           // metadata, link_local, ip
      "metadata.google.internal",  // metadata, special_use
      "metadata.tencentyun.com",   // metadata
      "127.0.0.1",                 // loopback, ip
      "localhost",                 // loopback, special_use
      "10.0.0.1",                  // private, ip
      "169.254.1.1",               // link_local, ip
      "8.8.8.8",                   // ip
      "printer.local",             // special_use
      "my_host.example.com",       // non_ldh
      "my_host.local",             // special_use, non_ldh
      "*.github.io",               // broad_wildcard, wildcard
      "*.example.com",             // wildcard
      "*.printer.local",           // special_use, wildcard
      "*.my_host.example.com",     // non_ldh, wildcard
  };
  return samples;
}

}  // namespace policyc
