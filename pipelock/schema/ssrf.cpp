#include "pipelock/schema/ssrf.hpp"

#include "base/ip_address.hpp"
#include "pipelock/schema/host_match.hpp"

namespace policyc {

namespace {

bool contains(const std::string& cidr, const IpAddress& address) {
  const std::optional<IpNetwork> network = parse_ip_network(cidr);
  return network && network->contains(address);
}

const std::string* first_containing(const std::vector<std::string>& cidrs, const IpAddress& address) {
  for (const std::string& cidr : cidrs) {
    if (contains(cidr, address)) return &cidr;
  }
  return nullptr;
}

}  // namespace

const std::vector<std::string>& default_internal_cidrs() {
  static const std::vector<std::string> cidrs = {
      "0.0.0.0/8",      "127.0.0.0/8",    "10.0.0.0/8",    "172.16.0.0/12",
      "192.168.0.0/16", "169.254.0.0/16", "100.64.0.0/10", "::1/128",
      "fc00::/7",       "fe80::/10",      "224.0.0.0/4",   "ff00::/8"};
  return cidrs;
}

SsrfVerdict ssrf_verdict(const std::string& host, const SsrfSettings& settings) {
  SsrfVerdict verdict;
  const std::optional<IpAddress> address = parse_ip_address(host);
  if (!address) {
    for (const std::string& domain : settings.trusted_domains) {
      if (!host_matches(domain, host, WildcardApex::Included)) continue;
      verdict.kind = SsrfVerdict::Kind::Trusted;
      verdict.exempted_by = domain;
    }
    return verdict;
  }
  if (settings.internal && settings.internal->empty()) {
    verdict.kind = SsrfVerdict::Kind::CheckDisabled;
    return verdict;
  }
  const std::string* range =
      first_containing(settings.internal ? *settings.internal : default_internal_cidrs(), *address);
  if (!range) {
    verdict.kind = SsrfVerdict::Kind::NotInternal;
    return verdict;
  }
  verdict.internal_range = *range;
  const std::string* exempt = first_containing(settings.ip_allowlist, *address);
  verdict.kind = exempt ? SsrfVerdict::Kind::Exempted : SsrfVerdict::Kind::Refused;
  if (exempt) verdict.exempted_by = *exempt;
  return verdict;
}

}  // namespace policyc
