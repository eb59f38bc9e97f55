#include <catch2/catch.hpp>

#include "base/ip_address.hpp"

namespace policyc {
namespace {

std::string network_text(const std::string& cidr) {
  std::optional<IpNetwork> net = parse_ip_network(cidr);
  if (!net) return "refused";
  return format_ip_address(net->network()) + "/" + std::to_string(net->prefix);
}

}  // namespace

TEST_CASE("IP addresses are read as Go's net.ParseIP reads them") {
  CHECK(format_ip_address(*parse_ip_address("10.1.2.3")) == "10.1.2.3");
  CHECK(format_ip_address(*parse_ip_address("FE80:0:0::1")) == "fe80::1");
  CHECK(parse_ip_address("::ffff:1.2.3.4")->v6);
  for (const char* refused : {"01.2.3.4", "1.2.3", "0x10.0.0.1", "1.2.3.256", "1.2.3.4 ",
                              "[::1]", "fe80::1%eth0", ""}) {
    INFO(refused);
    CHECK_FALSE(parse_ip_address(refused));
  }
}

TEST_CASE("IP networks are read as Go's net.ParseCIDR reads them, host bits kept apart") {
  CHECK(network_text("10.1.2.3/8") == "10.0.0.0/8");
  CHECK(network_text("0.0.0.0/0") == "0.0.0.0/0");
  CHECK(network_text("2001:db8::1/32") == "2001:db8::/32");
  CHECK(network_text("::/128") == "::/128");
  CHECK(parse_ip_network("10.1.2.3/8")->address.bytes[1] == 1);
  for (const char* refused : {"10.0.0.0/08", "10.0.0.0/+8", "10.0.0.0/33", "::/129",
                              "10.0.0.0/", "10.0.0.0", "/8", "10.0.0.0/8 "}) {
    INFO(refused);
    CHECK(network_text(refused) == "refused");
  }
}

}  // namespace policyc
