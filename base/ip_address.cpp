#include "base/ip_address.hpp"

#include <arpa/inet.h>

namespace policyc {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Like Go's parsePrefix: decimal, no sign, no leading zeros, at most `max`.
std::optional<unsigned> parse_prefix_length(const std::string& text, unsigned max) {
  if (text.empty() || text.size() > 3 || (text.size() > 1 && text[0] == '0')) return std::nullopt;
  unsigned value = 0;
  for (char c : text) {
    if (!is_digit(c)) return std::nullopt;
    value = value * 10 + static_cast<unsigned>(c - '0');
  }
  if (value > max) return std::nullopt;
  return value;
}

}  // namespace

bool parse_ipv4_octets(const std::string& text, std::array<unsigned char, 16>& bytes) {
  std::size_t pos = 0;
  for (int octet = 0; octet < 4; ++octet) {
    if (octet > 0 && (pos >= text.size() || text[pos++] != '.')) return false;
    const std::size_t start = pos;
    unsigned value = 0;
    while (pos < text.size() && is_digit(text[pos]) && pos - start < 3) {
      value = value * 10 + static_cast<unsigned>(text[pos++] - '0');
    }
    const std::size_t digits = pos - start;
    if (digits == 0 || value > 255 || (digits > 1 && text[start] == '0')) return false;
    bytes[octet] = static_cast<unsigned char>(value);
  }
  return pos == text.size();
}

std::optional<IpAddress> parse_ip_address(const std::string& text) {
  IpAddress address;
  if (parse_ipv4_octets(text, address.bytes)) return address;
  address.v6 = true;
  if (inet_pton(AF_INET6, text.c_str(), address.bytes.data()) == 1) return address;
  return std::nullopt;
}

std::optional<IpNetwork> parse_ip_network(const std::string& text) {
  const std::size_t slash = text.find('/');
  if (slash == std::string::npos) return std::nullopt;
  std::optional<IpAddress> address = parse_ip_address(text.substr(0, slash));
  if (!address) return std::nullopt;
  std::optional<unsigned> prefix = parse_prefix_length(text.substr(slash + 1), address->bits());
  if (!prefix) return std::nullopt;
  return IpNetwork{*address, *prefix};
}

IpAddress IpNetwork::network() const {
  IpAddress masked = address;
  for (unsigned bit = prefix; bit < address.bits(); ++bit) {
    masked.bytes[bit / 8] &= static_cast<unsigned char>(~(0x80u >> (bit % 8)));
  }
  return masked;
}

bool IpNetwork::contains(const IpAddress& other) const {
  return other.v6 == address.v6 && IpNetwork{other, prefix}.network().bytes == network().bytes;
}

std::string format_ip_address(const IpAddress& address) {
  if (!address.v6) {
    return std::to_string(address.bytes[0]) + "." + std::to_string(address.bytes[1]) + "." +
           std::to_string(address.bytes[2]) + "." + std::to_string(address.bytes[3]);
  }
  char buf[INET6_ADDRSTRLEN];
  inet_ntop(AF_INET6, address.bytes.data(), buf, sizeof buf);
  return buf;
}

}  // namespace policyc
