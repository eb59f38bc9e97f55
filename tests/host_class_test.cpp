// The host classifier (base/host_class) and pipelock's SSRF verdict (pipelock/schema/ssrf):
// each class, the order a report picks from, and the IPv6 classes no hostname field can
// hold (an IPv6 literal is refused as a hostname) but `explain --host` meets.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "base/host_class.hpp"
#include "base/hostname.hpp"
#include "pipelock/schema/ssrf.hpp"

namespace policyc {
namespace {

std::string classes_of(const std::string& host) {
  std::string out;
  for (HostClass c : classify_host(host).classes) out += std::string(out.empty() ? "" : " ") + host_class_name(c);
  return out;
}

}  // namespace

TEST_CASE("each kind of host gets its classes with the most specific first") {
  CHECK(classes_of("api.example.com").empty());
  CHECK(classes_of("169.254.169.254") == "metadata link_local ip");
  CHECK(classes_of("metadata.google.internal") == "metadata special_use");
  CHECK(classes_of("fd00:ec2::254") == "metadata unique_local ip");
  CHECK(classes_of("127.0.0.1") == "loopback ip");
  CHECK(classes_of("::1") == "loopback ip");
  CHECK(classes_of("localhost") == "loopback special_use");
  CHECK(classes_of("10.1.2.3") == "private ip");
  CHECK(classes_of("172.31.255.255") == "private ip");
  CHECK(classes_of("172.32.0.1") == "ip");
  CHECK(classes_of("100.64.0.1") == "private ip");
  CHECK(classes_of("fe80::1") == "link_local ip");
  CHECK(classes_of("fc00::5") == "unique_local ip");
  CHECK(classes_of("::ffff:10.0.0.1") == "private ip ipv4_mapped");
  CHECK(classes_of("8.8.8.8") == "ip");
  CHECK(classes_of("printer.local") == "special_use");
  CHECK(classes_of("router.home.arpa") == "special_use");
  CHECK(classes_of("notlocal.com").empty());
  CHECK(classes_of("_dmarc.example.com") == "non_ldh");
  CHECK(classes_of("*.corp.example.com") == "wildcard");
  CHECK(classes_of("*.github.io") == "broad_wildcard wildcard");
  CHECK(classes_of("*.internal") == "special_use wildcard");
}

TEST_CASE("every class has a name a policy writes and is found by it") {
  for (const std::string& name : host_class_names()) {
    INFO(name);
    REQUIRE(host_class_named(name));
    CHECK(host_class_name(*host_class_named(name)) == name);
  }
  CHECK_FALSE(host_class_named("others"));
}

TEST_CASE("pipelock SSRF guard verdicts for internal ranges and exemptions and trusted names") {
  SsrfSettings defaults;
  CHECK(ssrf_verdict("10.0.0.7", defaults).kind == SsrfVerdict::Kind::Refused);
  CHECK(ssrf_verdict("10.0.0.7", defaults).internal_range == "10.0.0.0/8");
  CHECK(ssrf_verdict("8.8.8.8", defaults).kind == SsrfVerdict::Kind::NotInternal);
  CHECK(ssrf_verdict("fe80::1", defaults).internal_range == "fe80::/10");
  CHECK(ssrf_verdict("build.internal", defaults).kind == SsrfVerdict::Kind::Resolved);

  SsrfSettings exempt;
  exempt.ip_allowlist = {"10.0.0.0/24"};
  exempt.trusted_domains = {"*.corp.example.com"};
  CHECK(ssrf_verdict("10.0.0.7", exempt).kind == SsrfVerdict::Kind::Exempted);
  CHECK(ssrf_verdict("10.0.0.7", exempt).exempted_by == "10.0.0.0/24");
  CHECK(ssrf_verdict("10.0.1.7", exempt).kind == SsrfVerdict::Kind::Refused);
  CHECK(ssrf_verdict("build.corp.example.com", exempt).kind == SsrfVerdict::Kind::Trusted);

  SsrfSettings off;
  off.internal = std::vector<std::string>{};
  CHECK(ssrf_verdict("10.0.0.7", off).kind == SsrfVerdict::Kind::CheckDisabled);
  SsrfSettings narrow;
  narrow.internal = std::vector<std::string>{"192.168.0.0/16"};
  CHECK(ssrf_verdict("10.0.0.7", narrow).kind == SsrfVerdict::Kind::NotInternal);
}

TEST_CASE("the host samples the all-bottles diff tries: each a valid hostname, with their classes") {
  std::vector<std::string> seen;
  for (const std::string& host : host_class_samples()) {
    std::string normalized;
    INFO(host);
    CHECK_FALSE(check_hostname(host, normalized));
    seen.push_back(host + ": " + classes_of(host));
  }
  CHECK(seen == std::vector<std::string>{
                     "169.254.169.254: metadata link_local ip",
                     "metadata.google.internal: metadata special_use",
                     "metadata.tencentyun.com: metadata",
                     "127.0.0.1: loopback ip",
                     "localhost: loopback special_use",
                     "10.0.0.1: private ip",
                     "169.254.1.1: link_local ip",
                     "8.8.8.8: ip",
                     "printer.local: special_use",
                     "my_host.example.com: non_ldh",
                     "my_host.local: special_use non_ldh",
                     "*.github.io: broad_wildcard wildcard",
                     "*.example.com: wildcard",
                     "*.printer.local: special_use wildcard",
                     "*.my_host.example.com: non_ldh wildcard",
                 });
}

}  // namespace policyc
