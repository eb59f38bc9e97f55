#include "base/hostname.hpp"

#include <catch2/catch.hpp>

using policyc::check_cidr;
using policyc::check_hostname;
using policyc::check_path;
using policyc::InputProblem;

namespace {

InputProblem host_problem(const std::string& text) {
  std::string normalized;
  auto problem = check_hostname(text, normalized);
  REQUIRE(problem);
  return *problem;
}

std::string host_ok(const std::string& text) {
  std::string normalized;
  auto problem = check_hostname(text, normalized);
  INFO(text << ": " << (problem ? problem->message : ""));
  REQUIRE_FALSE(problem);
  return normalized;
}

InputProblem cidr_problem(const std::string& text) {
  std::string canonical;
  auto problem = check_cidr(text, canonical);
  REQUIRE(problem);
  CHECK(canonical.empty());
  return *problem;
}

std::string cidr_ok(const std::string& text) {
  std::string canonical;
  auto problem = check_cidr(text, canonical);
  INFO(text << ": " << (problem ? problem->message : ""));
  REQUIRE_FALSE(problem);
  return canonical;
}

void check_problem(const InputProblem& p, const std::string& message, std::size_t offset,
                   std::size_t length, const std::string& suggestion = "") {
  CHECK(p.message == message);
  CHECK(p.offset == offset);
  CHECK(p.length == length);
  CHECK(p.suggestion == suggestion);
}

const std::string kInvalidCidr =
    "' is not a valid CIDR (expected an address and a prefix length, like 10.0.0.0/8)";

}  // namespace

TEST_CASE("valid hostnames are lowercased", "[hostname]") {
  CHECK(host_ok("API.GitHub.com") == "api.github.com");
  CHECK(host_ok("pypi.org") == "pypi.org");
  CHECK(host_ok("my_host.internal") == "my_host.internal");
  CHECK(host_ok("123.example.com") == "123.example.com");
  CHECK(host_ok("a-b.c-d.example") == "a-b.c-d.example");
  CHECK(host_ok("localhost") == "localhost");
  CHECK(host_ok("xn--bcher-kva.de") == "xn--bcher-kva.de");
  CHECK(host_ok("10.1.2.3") == "10.1.2.3");
  CHECK(host_ok("*.Example.com") == "*.example.com");
  CHECK(host_ok("*.co.uk") == "*.co.uk");
}

TEST_CASE("hostname length limits", "[hostname]") {
  const std::string label63(63, 'a');
  CHECK(host_ok(label63 + ".com") == label63 + ".com");
  check_problem(host_problem(std::string(64, 'a') + ".com"),
                "hostname label 'aaaaaaaaaaaaaaaaaaaa...' is 64 bytes long; labels are at most 63",
                0, 64);
  check_problem(host_problem("x." + std::string(70, 'b') + ".com"),
                "hostname label 'bbbbbbbbbbbbbbbbbbbb...' is 70 bytes long; labels are at most 63",
                2, 70);

  const std::string prefix = label63 + "." + label63 + "." + label63 + ".";
  const std::string name253 = prefix + std::string(61, 'c');
  REQUIRE(name253.size() == 253);
  CHECK(host_ok(name253) == name253);
  check_problem(host_problem(prefix + std::string(62, 'c')),
                "hostname is 254 bytes long; at most 253", 0, 0);
}

TEST_CASE("empty hostname", "[hostname]") {
  std::string normalized = "stale";
  auto problem = check_hostname("", normalized);
  REQUIRE(problem);
  check_problem(*problem, "hostname is empty", 0, 0);
  CHECK(normalized.empty());
}

TEST_CASE("URL parts in a hostname", "[hostname]") {
  check_problem(host_problem("https://api.github.com"), "hostname contains a scheme 'https://'", 0,
                8, "api.github.com");
  check_problem(host_problem("HTTP://Example.COM:8080/path"),
                "hostname contains a scheme 'HTTP://'", 0, 7, "Example.COM");
  check_problem(host_problem(" https://x.com"), "hostname contains a scheme 'https://'", 1, 8,
                "x.com");
  check_problem(host_problem("https://user@host.com"), "hostname contains a scheme 'https://'", 0,
                8);

  check_problem(host_problem("pypi.org:443"), "hostname contains a port ':443'", 8, 4, "pypi.org");
  check_problem(host_problem("pypi.org:443/simple"), "hostname contains a port ':443'", 8, 4,
                "pypi.org");
  check_problem(host_problem("pypi.org:"), "hostname contains a port ':'", 8, 1);
  check_problem(host_problem("https:/x.com"), "hostname contains a port ':'", 5, 1);
  check_problem(host_problem("pypi.org :443"), "hostname contains a port ':443'", 9, 4, "pypi.org");

  check_problem(host_problem("pypi.org/simple"), "hostname contains a path '/simple'", 8, 7,
                "pypi.org");
  check_problem(host_problem("x.com?q=1"), "hostname contains a path '?q=1'", 5, 4, "x.com");
  check_problem(host_problem("x.com#top"), "hostname contains a path '#top'", 5, 4, "x.com");
  check_problem(host_problem("x.com/a://b"), "hostname contains a path '/a://b'", 5, 6, "x.com");
}

TEST_CASE("IPv6 literals are named as such, not as a port", "[hostname]") {
  const std::string tail =
      "' is an IPv6 literal; IPv6 addresses are not supported as hostnames, use a name";
  check_problem(host_problem("[::1]"), "hostname '[::1]" + tail, 0, 5);
  check_problem(host_problem("::1"), "hostname '::1" + tail, 0, 3);
  check_problem(host_problem(" [fe80::1]:443"), "hostname '[fe80::1]:443" + tail, 1, 13);
  check_problem(host_problem("[nope]"), "hostname contains '['", 0, 1);
}

TEST_CASE("a hostname ending in a number must be a canonical dotted quad", "[hostname]") {
  const std::string legacy = "' is a numeric address that resolvers read as ";
  const std::string advice = "; write an IPv4 address as four decimal octets";
  check_problem(host_problem("0"), "hostname '0" + legacy + "0.0.0.0" + advice, 0, 0);
  check_problem(host_problem("1.2.3"), "hostname '1.2.3" + legacy + "1.2.0.3" + advice, 0, 0);
  check_problem(host_problem("0x10"), "hostname '0x10" + legacy + "0.0.0.16" + advice, 0, 0);
  check_problem(host_problem("0X10"), "hostname '0x10" + legacy + "0.0.0.16" + advice, 0, 0);
  check_problem(host_problem("01.02.03.04"), "hostname '01.02.03.04" + legacy + "1.2.3.4" + advice,
                0, 0);
  check_problem(host_problem("4294967295"),
                "hostname '4294967295" + legacy + "255.255.255.255" + advice, 0, 0);
  const std::string not_ipv4 =
      "' ends in a number but is not an IPv4 address of four decimal octets (0-255, no leading "
      "zeros)";
  check_problem(host_problem("999.999.999.999"), "hostname '999.999.999.999" + not_ipv4, 0, 0);
  check_problem(host_problem("example.123"), "hostname 'example.123" + not_ipv4, 0, 0);
  check_problem(host_problem("*.1.2.3"), "hostname '*.1.2.3" + not_ipv4, 0, 0);
  CHECK(host_ok("1.2.3.4") == "1.2.3.4");
  CHECK(host_ok("255.255.255.255") == "255.255.255.255");
  CHECK(host_ok("0.0.0.0") == "0.0.0.0");
  CHECK(host_ok("example.0xcafe.com") == "example.0xcafe.com");
  CHECK(host_ok("x.0xg") == "x.0xg");
}

TEST_CASE("whitespace, quotes and control characters", "[hostname]") {
  check_problem(host_problem(" pypi.org "), "hostname contains whitespace", 0, 1, "pypi.org");
  check_problem(host_problem("pypi.org\n"), "hostname contains whitespace", 8, 1, "pypi.org");
  check_problem(host_problem("\t\tpypi.org"), "hostname contains whitespace", 0, 2, "pypi.org");
  check_problem(host_problem("pypi .org"), "hostname contains whitespace", 4, 1);
  check_problem(host_problem("   "), "hostname contains whitespace", 0, 3);

  check_problem(host_problem("\"pypi.org\""), "hostname contains a quote character", 0, 1,
                "pypi.org");
  check_problem(host_problem("'pypi.org'"), "hostname contains a quote character", 0, 1,
                "pypi.org");
  check_problem(host_problem("pypi'org"), "hostname contains a quote character", 4, 1);
  check_problem(host_problem("a\\b.com"), "hostname contains a quote character", 1, 1);

  check_problem(host_problem(std::string("pypi\x01.org")),
                "hostname contains a control character (0x01)", 4, 1);
  check_problem(host_problem("pypi.org\x7f"), "hostname contains a control character (0x7f)", 8, 1);
  check_problem(host_problem(std::string("a\0b.com", 7)),
                "hostname contains a control character (0x00)", 1, 1);
}

TEST_CASE("non-ASCII and other characters", "[hostname]") {
  const std::string idn =
      "hostname contains a non-ASCII character; write an internationalized name as its "
      "A-labels (xn--...)";
  check_problem(host_problem("b\xc3\xbc"
                             "cher.de"),
                idn, 1, 2, "xn--bcher-kva.de");
  check_problem(host_problem("\xc3\x89"
                             "COLE.fr"),
                idn, 0, 2, "xn--cole-9oa.fr");
  check_problem(host_problem("*.b\xc3\xbc"
                             "cher.example"),
                idn, 3, 2, "*.xn--bcher-kva.example");
  // The A-labels are offered only when they are a hostname themselves.
  check_problem(host_problem("b\xc3\xbc"
                             "cher..de"),
                idn, 1, 2);
  const std::string refused =
      "hostname contains a non-ASCII character and libidn2 cannot convert it to an A-label "
      "(IDNA2008, UTS #46): ";
  check_problem(host_problem("\xf0\x9f\x98\x80.example"),
                refused + "string contains a disallowed character", 0, 4);
  check_problem(host_problem("\xe2\x82\xac.com"), refused + "string contains a disallowed character",
                0, 3);
  check_problem(host_problem("a\xd9\xa1.com"),
                refused + "string has forbidden bi-directional properties", 1, 2);
  check_problem(host_problem("a\xff.com"), "hostname contains a byte that is not UTF-8 (0xff)", 1,
                1);
  check_problem(host_problem("b\xc3\xbc\xff.com"),
                "hostname contains a byte that is not UTF-8 (0xff)", 3, 1);

  check_problem(host_problem("user@host.com"), "hostname contains '@'", 4, 1);
  check_problem(host_problem("a,b.com"), "hostname contains ','", 1, 1);
  check_problem(host_problem("a+b.com"), "hostname contains '+'", 1, 1);
}

TEST_CASE("empty labels", "[hostname]") {
  check_problem(host_problem(".example.com"), "hostname has an empty label", 0, 1);
  check_problem(host_problem("a..b.com"), "hostname has an empty label", 1, 2);
  check_problem(host_problem("example.com."), "hostname has an empty label", 11, 1, "example.com");
  check_problem(host_problem("."), "hostname has an empty label", 0, 1);
  check_problem(host_problem("*."), "hostname has an empty label", 1, 1);
}

TEST_CASE("labels starting or ending with a hyphen", "[hostname]") {
  check_problem(host_problem("x-.com"), "hostname label 'x-' starts or ends with '-'", 0, 2);
  check_problem(host_problem("a.-b.com"), "hostname label '-b' starts or ends with '-'", 2, 2);
  check_problem(host_problem("a.com-"), "hostname label 'com-' starts or ends with '-'", 2, 4);
}

TEST_CASE("wildcards", "[hostname]") {
  check_problem(host_problem("*"), "a bare '*' would allow every host", 0, 0);
  check_problem(host_problem("*.com"),
                "wildcard '*.com' must be followed by at least two labels, like '*.example.com'", 0,
                0);
  const std::string leading_only = "only a leading '*.' wildcard is supported";
  check_problem(host_problem("foo.*.com"), leading_only, 4, 1);
  check_problem(host_problem("api*.x.com"), leading_only, 3, 1);
  check_problem(host_problem("*example.com"), leading_only, 0, 1);
  check_problem(host_problem("**.x.com"), leading_only, 0, 1);
  check_problem(host_problem("*.*.x.com"), leading_only, 2, 1);
  check_problem(host_problem("x.com.*"), leading_only, 6, 1);
}

TEST_CASE("valid CIDRs are canonicalised", "[cidr]") {
  CHECK(cidr_ok("10.0.0.0/8") == "10.0.0.0/8");
  CHECK(cidr_ok("192.168.1.0/24") == "192.168.1.0/24");
  CHECK(cidr_ok("10.0.0.5/32") == "10.0.0.5/32");
  CHECK(cidr_ok("0.0.0.0/1") == "0.0.0.0/1");
  CHECK(cidr_ok("2001:db8::/32") == "2001:db8::/32");
  CHECK(cidr_ok("2001:DB8:0:0::/64") == "2001:db8::/64");
  CHECK(cidr_ok("fd00::/8") == "fd00::/8");
  CHECK(cidr_ok("::1/128") == "::1/128");
}

TEST_CASE("bare IP addresses", "[cidr]") {
  check_problem(cidr_problem("10.0.0.5"), "'10.0.0.5' is an IP address, not a CIDR", 0, 0,
                "10.0.0.5/32");
  check_problem(cidr_problem("2001:DB8::1"), "'2001:DB8::1' is an IP address, not a CIDR", 0, 0,
                "2001:db8::1/128");
}

TEST_CASE("catch-all prefixes", "[cidr]") {
  check_problem(cidr_problem("0.0.0.0/0"),
                "'0.0.0.0/0' is a catch-all (/0) and would disable SSRF protection", 7, 2);
  check_problem(cidr_problem("10.0.0.0/0"),
                "'10.0.0.0/0' is a catch-all (/0) and would disable SSRF protection", 8, 2);
  check_problem(cidr_problem("::/0"),
                "'::/0' is a catch-all (/0) and would disable SSRF protection", 2, 2);
}

TEST_CASE("host bits set", "[cidr]") {
  check_problem(cidr_problem("10.0.0.5/24"), "'10.0.0.5/24' has host bits set", 0, 8,
                "10.0.0.0/24");
  check_problem(cidr_problem("10.31.0.0/12"), "'10.31.0.0/12' has host bits set", 0, 9,
                "10.16.0.0/12");
  check_problem(cidr_problem("2001:db8::1/32"), "'2001:db8::1/32' has host bits set", 0, 11,
                "2001:db8::/32");
  check_problem(cidr_problem("fd12:3456:789a::1/44"), "'fd12:3456:789a::1/44' has host bits set", 0,
                17, "fd12:3456:7890::/44");
}

TEST_CASE("unparsable CIDRs", "[cidr]") {
  for (const std::string text :
       {"", "garbage", "10.0.0.0/33", "::/129", "10.0.0.0/128", "010.0.0.1/32", "10.0.0.00/8",
        "10.0.0.0/08", "10.0.0.0/+8", "10.0.0.0/-8", "10.0.0.0/", "/8", "10.0.0/8", "10.0.0.0.0/8",
        "256.0.0.0/8", "10.0.0.0/8/8", "fe80::1%eth0/64", "2001:db8::g/32", "10.0.0.0/1000"}) {
    INFO(text);
    check_problem(cidr_problem(text), "'" + text + kInvalidCidr, 0, 0);
  }
}

TEST_CASE("CIDR with surrounding whitespace suggests the trimmed value", "[cidr]") {
  check_problem(cidr_problem("10.0.0.0/8 "), "'10.0.0.0/8 " + kInvalidCidr, 0, 0, "10.0.0.0/8");
  check_problem(cidr_problem(" 2001:DB8::/32"), "' 2001:DB8::/32" + kInvalidCidr, 0, 0,
                "2001:db8::/32");
  check_problem(cidr_problem("10.0.0.5/24 "), "'10.0.0.5/24 " + kInvalidCidr, 0, 0);
}

TEST_CASE("paths", "[path]") {
  CHECK_FALSE(check_path("/var/log/agent.log"));
  CHECK_FALSE(check_path("C:\\Program Files\\agent"));
  CHECK_FALSE(check_path("/tmp/caf\xc3\xa9 'x' \"y\""));
  check_problem(*check_path(""), "path is empty", 0, 0);
  check_problem(*check_path("/tmp/a\nb"), "path contains a control character (0x0a)", 6, 1);
  check_problem(*check_path("/tmp/\x7f"), "path contains a control character (0x7f)", 5, 1);
  check_problem(*check_path("\t/tmp"), "path contains a control character (0x09)", 0, 1);
}
