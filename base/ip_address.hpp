// IP addresses and networks as pipelock (Go's net package) reads them: the one parser
// behind hostname and CIDR checks, SSRF list coverage and the semantic diff's index.
#pragma once
#include <array>
#include <optional>
#include <string>

namespace policyc {

struct IpAddress {
  std::array<unsigned char, 16> bytes{};  // IPv4 in the first four
  bool v6 = false;
  unsigned bits() const { return v6 ? 128 : 32; }
};

struct IpNetwork {
  IpAddress address;  // as written: host bits may be set
  unsigned prefix = 0;
  /// The address with every bit past the prefix cleared.
  IpAddress network() const;
  /// Whether `other` (of the same family) lies in this network.
  bool contains(const IpAddress& other) const;
};

/// Go's net.ParseIP since 1.17: IPv4 as exactly four decimal octets without leading
/// zeros, or an IPv6 address (without zone or brackets).
std::optional<IpAddress> parse_ip_address(const std::string& text);
/// Strictly IPv4, the same rules: `1.2.3`, `01.2.3.4` and `0x10` are not addresses.
bool parse_ipv4_octets(const std::string& text, std::array<unsigned char, 16>& bytes);
/// Go's net.ParseCIDR: an address, `/`, and a decimal prefix without sign or leading zero
/// no longer than the address.
std::optional<IpNetwork> parse_ip_network(const std::string& text);
/// Dotted quad, or RFC 5952 text for IPv6.
std::string format_ip_address(const IpAddress& address);

}  // namespace policyc
