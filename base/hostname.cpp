#include "base/hostname.hpp"

#include <arpa/inet.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstring>
#include <string_view>

#include "base/idna.hpp"
#include "base/ip_address.hpp"
#include "base/text_rules.hpp"
#include "base/utf8.hpp"
#include "base/value_prefix.hpp"

namespace policyc {
namespace {

constexpr const char* kWhitespace = " \t\n\v\f\r";
constexpr std::size_t kNone = std::string::npos;

bool is_space(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
bool is_c0_or_del(unsigned char c) { return c < 0x20 || c == 0x7f; }
bool is_alpha(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
bool is_host_char(unsigned char c) {
  return is_alpha(c) || is_digit(c) || c == '-' || c == '_' || c == '.' || c == '*';
}

template <typename Pred>
std::size_t find_byte(const std::string& text, Pred pred) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (pred(static_cast<unsigned char>(text[i]))) return i;
  }
  return kNone;
}

InputProblem problem(std::string message, std::size_t offset, std::size_t length,
                     std::string suggestion = "") {
  return InputProblem{std::move(message), std::move(suggestion), offset, length};
}

std::string hex_byte(unsigned char c) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "0x%02x", c);
  return buf;
}

std::string trim(const std::string& text) {
  std::size_t begin = text.find_first_not_of(kWhitespace);
  if (begin == kNone) return "";
  return text.substr(begin, text.find_last_not_of(kWhitespace) + 1 - begin);
}

// Index just past "scheme://" when the text starts (after blanks) with a URL scheme,
// so "https://x" is reported as a scheme while "x/a://b" stays a path.
std::size_t scheme_end(const std::string& text, std::size_t begin) {
  std::size_t pos = text.find("://", begin);
  if (pos == kNone || pos == begin || !is_alpha(text[begin])) return kNone;
  for (std::size_t i = begin; i < pos; ++i) {
    unsigned char c = text[i];
    if (!is_alpha(c) && !is_digit(c) && c != '+' && c != '-' && c != '.') return kNone;
  }
  return pos + 3;
}

// What the user most likely meant when pasting a URL: the host without scheme, port, path.
std::string host_part(const std::string& text) {
  std::size_t begin = text.find_first_not_of(kWhitespace);
  if (begin == kNone) return "";
  std::size_t scheme = scheme_end(text, begin);
  if (scheme != kNone) begin = scheme;
  std::size_t end = text.find_first_of(":/?#", begin);
  return trim(text.substr(begin, end == kNone ? kNone : end - begin));
}

// Only offer a replacement that would itself be accepted; a wrong "did you mean" is worse
// than none.
std::string suggest(const std::string& candidate, const std::string& text) {
  std::string ignored;
  if (candidate.empty() || candidate == text || check_hostname(candidate, ignored)) return "";
  return candidate;
}

std::optional<InputProblem> check_url_parts(const std::string& text) {
  std::size_t begin = text.find_first_not_of(kWhitespace);
  if (begin == kNone) begin = 0;
  std::size_t scheme = scheme_end(text, begin);
  if (scheme != kNone) {
    return problem(
        "hostname contains a scheme '" + value_prefix(text.substr(begin, scheme - begin)) + "'",
        begin, scheme - begin, suggest(host_part(text), text));
  }
  std::size_t path = text.find_first_of("/?#");
  std::size_t colon = text.find(':');
  if (colon != kNone && colon < path) {
    std::size_t end = text.find_first_of(" \t\n\v\f\r/?#", colon);
    if (end == kNone) end = text.size();
    std::string port = text.substr(colon, end - colon);
    // "https:/x.com" also lands here; only a numeric port makes the host part a safe guess.
    bool numeric = port.size() > 1 && port.find_first_not_of("0123456789", 1) == kNone;
    return problem("hostname contains a port '" + value_prefix(port) + "'", colon, port.size(),
                   numeric ? suggest(host_part(text), text) : "");
  }
  if (path != kNone) {
    std::size_t end = text.find_last_not_of(kWhitespace) + 1;
    return problem("hostname contains a path '" + value_prefix(text.substr(path, end - path)) + "'",
                   path, end - path, suggest(host_part(text), text));
  }
  return std::nullopt;
}

// A name with a non-ASCII character, the first at byte `first`: pipelock matches the
// ASCII form a client sends, so the A-labels libidn2 computes are the suggestion, and a
// name it refuses (a disallowed code point, the bidi rule) is refused with its reason.
InputProblem check_internationalized(const std::string& text, std::size_t first) {
  for (std::size_t i = first; i < text.size();) {
    const Utf8Char c = decode_utf8(text, i);
    if (!c.valid) {
      return problem("hostname contains a byte that is not UTF-8 (" + hex_byte(text[i]) + ")", i,
                     1);
    }
    i += c.length;
  }
  const std::size_t length = decode_utf8(text, first).length;
  std::string why;
  const std::optional<std::string> ascii = to_a_label(text, &why);
  if (!ascii) {
    return problem("hostname contains a non-ASCII character and libidn2 cannot convert it to "
                   "an A-label (IDNA2008, UTS #46): " +
                       why,
                   first, length);
  }
  return problem(
      "hostname contains a non-ASCII character; write an internationalized name as its "
      "A-labels (xn--...)",
      first, length, suggest(*ascii, text));
}

std::optional<InputProblem> check_characters(const std::string& text) {
  if (std::size_t i = find_byte(text, is_space); i != kNone) {
    std::size_t end = text.find_first_not_of(kWhitespace, i);
    return problem("hostname contains whitespace", i, (end == kNone ? text.size() : end) - i,
                   suggest(trim(text), text));
  }
  if (std::size_t i = text.find_first_of("\"'\\"); i != kNone) {
    std::string inner;
    if (text.size() > 2 && text.front() == text.back() && text.front() != '\\') {
      inner = text.substr(1, text.size() - 2);
    }
    return problem("hostname contains a quote character", i, 1, suggest(inner, text));
  }
  if (std::size_t i = find_byte(text, is_c0_or_del); i != kNone) {
    return problem("hostname contains a control character (" + hex_byte(text[i]) + ")", i, 1);
  }
  if (std::size_t i = find_byte(text, [](unsigned char c) { return c >= 0x80; }); i != kNone) {
    return check_internationalized(text, i);
  }
  if (std::size_t i = find_byte(text, [](unsigned char c) { return !is_host_char(c); });
      i != kNone) {
    return problem("hostname contains '" + text.substr(i, 1) + "'", i, 1);
  }
  return std::nullopt;
}

std::optional<InputProblem> check_wildcard_position(const std::string& text) {
  if (text == "*") return problem("a bare '*' would allow every host", 0, 0);
  std::size_t star = text.find('*', text.rfind("*.", 0) == 0 ? 1 : 0);
  if (star == kNone) return std::nullopt;
  return problem("only a leading '*.' wildcard is supported", star, 1);
}

std::optional<InputProblem> check_labels(const std::string& text) {
  std::size_t label_count = 0;
  for (std::size_t start = 0; start <= text.size(); ++label_count) {
    std::size_t end = text.find('.', start);
    if (end == kNone) end = text.size();
    std::size_t length = end - start;
    if (length == 0) {
      if (start == 0) return problem("hostname has an empty label", 0, 1);
      if (end == text.size()) {
        return problem("hostname has an empty label", start - 1, 1,
                       suggest(text.substr(0, start - 1), text));
      }
      return problem("hostname has an empty label", start - 1, 2);
    }
    if (length > 63) {
      return problem("hostname label '" + value_prefix(text.substr(start, length)) + "' is " +
                         std::to_string(length) + " bytes long; labels are at most 63",
                     start, length);
    }
    if (text[start] == '-' || text[end - 1] == '-') {
      return problem("hostname label '" + text.substr(start, length) + "' starts or ends with '-'",
                     start, length);
    }
    start = end + 1;
  }
  if (text.size() > 253) {
    return problem("hostname is " + std::to_string(text.size()) + " bytes long; at most 253", 0, 0);
  }
  if (text[0] == '*' && label_count < 3) {
    return problem(
        "wildcard '" + text + "' must be followed by at least two labels, like '*.example.com'", 0,
        0);
  }
  return std::nullopt;
}

// `[::1]`, `[fe80::1]:443`, `::1`: an IPv6 address, which a hostname here cannot be;
// without this the first ':' reads as a port.
std::optional<InputProblem> check_ipv6_literal(const std::string& text) {
  const std::string trimmed = trim(text);
  std::string address = trimmed;
  if (!trimmed.empty() && trimmed.front() == '[') {
    std::size_t close = trimmed.find(']');
    address = trimmed.substr(1, close == kNone ? kNone : close - 1);
  } else if (std::count(trimmed.begin(), trimmed.end(), ':') < 2) {
    return std::nullopt;
  }
  const std::optional<IpAddress> parsed = parse_ip_address(address);
  if (!parsed || !parsed->v6) return std::nullopt;
  return problem("hostname '" + trimmed +
                     "' is an IPv6 literal; IPv6 addresses are not supported as hostnames, "
                     "use a name",
                 text.find_first_not_of(kWhitespace), trimmed.size());
}

// WHATWG URL host parsing reads a host whose last label is a number (`0`, `0x10`, `017`)
// as an IPv4 address in any of its legacy forms (`1.2.3` is 1.2.0.3, `01.02.03.04` octal,
// `0x10` 0.0.0.16), and so do inet_aton and many resolvers. Only the canonical dotted
// quad means the same thing to every reader, so every other numeric form is refused.
bool ends_in_number(const std::string& text) {
  // A view, not a copy: this runs for every hostname of every manifest.
  const std::string_view last = std::string_view(text).substr(text.rfind('.') + 1);
  if (last.empty()) return false;
  if (last.find_first_not_of("0123456789") == kNone) return true;
  return (last.rfind("0x", 0) == 0 || last.rfind("0X", 0) == 0) &&
         last.find_first_not_of("0123456789abcdefABCDEF", 2) == kNone;
}

std::optional<InputProblem> check_numeric_form(const std::string& text) {
  std::array<unsigned char, 16> bytes{};
  if (!ends_in_number(text) || parse_ipv4_octets(text, bytes)) return std::nullopt;
  in_addr legacy{};
  if (text.find('*') == kNone && inet_aton(text.c_str(), &legacy) == 1) {
    std::memcpy(bytes.data(), &legacy.s_addr, 4);
    IpAddress read_as;
    read_as.bytes = bytes;
    const std::string canonical = format_ip_address(read_as);
    return problem("hostname '" + text + "' is a numeric address that resolvers read as " +
                       canonical + "; write an IPv4 address as four decimal octets",
                   0, 0);
  }
  return problem("hostname '" + text +
                     "' ends in a number but is not an IPv4 address of four decimal octets "
                     "(0-255, no leading zeros)",
                 0, 0);
}

}  // namespace

std::optional<InputProblem> check_hostname(const std::string& text, std::string& normalized) {
  normalized = text;
  for (char& c : normalized) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  if (text.empty()) return problem("hostname is empty", 0, 0);
  // Nearly every hostname holds only host characters, and then has no scheme, port, path,
  // space, quote or other character those two checks look for.
  const bool host_chars_only =
      find_byte(text, [](unsigned char c) { return !is_host_char(c); }) == kNone;
  if (!host_chars_only) {
    if (auto p = check_ipv6_literal(text)) return p;
    if (auto p = check_url_parts(text)) return p;
    if (auto p = check_characters(text)) return p;
  }
  if (auto p = check_wildcard_position(text)) return p;
  if (auto p = check_labels(text)) return p;
  return check_numeric_form(normalized);
}

std::optional<InputProblem> check_cidr(const std::string& text, std::string& canonical) {
  canonical.clear();
  auto invalid = [&text] {
    std::string ignored;
    std::string trimmed = trim(text);
    std::string suggestion =
        trimmed != text && !check_cidr(trimmed, ignored) ? ignored : std::string();
    return problem("'" + value_prefix(text) +
                       "' is not a valid CIDR (expected an address and a prefix length, like "
                       "10.0.0.0/8)",
                   0, 0, suggestion);
  };
  const std::size_t slash = text.find('/');
  if (slash == kNone) {
    std::optional<IpAddress> address = parse_ip_address(text);
    if (!address) return invalid();
    return problem("'" + value_prefix(text) + "' is an IP address, not a CIDR", 0, 0,
                   format_ip_address(*address) + "/" + std::to_string(address->bits()));
  }
  std::optional<IpNetwork> parsed = parse_ip_network(text);
  if (!parsed) return invalid();
  if (parsed->prefix == 0) {
    return problem("'" + value_prefix(text) +
                       "' is a catch-all (/0) and would disable SSRF protection",
                   slash,
                   text.size() - slash);
  }
  const IpAddress network = parsed->network();
  const std::string suffix = "/" + std::to_string(parsed->prefix);
  if (network.bytes != parsed->address.bytes) {
    return problem("'" + value_prefix(text) + "' has host bits set", 0, slash,
                   format_ip_address(network) + suffix);
  }
  canonical = format_ip_address(network) + suffix;
  return std::nullopt;
}

namespace {

using Wide = unsigned __int128;

Wide address_value(const IpAddress& address) {
  Wide value = 0;
  for (unsigned i = 0; i < address.bits() / 8; ++i) value = (value << 8) | address.bytes[i];
  return value;
}

// Whether the ranges [first, last] cover every value up to `top`: sorted by start and
// merged, so any number of entries in any order counts, not only two halves.
bool ranges_cover(std::vector<std::pair<Wide, Wide>> ranges, Wide top) {
  std::sort(ranges.begin(), ranges.end());
  Wide next = 0;  // the lowest value not yet covered
  for (const auto& [first, last] : ranges) {
    if (first > next) return false;
    if (last >= next) {
      if (last == top) return true;
      next = last + 1;
    }
  }
  return false;
}

}  // namespace

std::vector<std::size_t> cidrs_covering_a_family(const std::vector<std::string>& cidrs,
                                                 std::string& family) {
  std::vector<std::pair<Wide, Wide>> ranges[2];
  std::vector<std::size_t> entries[2];
  for (std::size_t i = 0; i < cidrs.size(); ++i) {
    std::string canonical;
    if (check_cidr(cidrs[i], canonical)) continue;
    const std::optional<IpNetwork> parsed = parse_ip_network(canonical);
    if (!parsed) continue;
    const IpAddress* address = &parsed->address;
    const unsigned host_bits = address->bits() - parsed->prefix;
    const Wide first = address_value(*address);
    const Wide span = host_bits == 0 ? 0 : (((Wide(1) << (host_bits - 1)) - 1) << 1) + 1;
    ranges[address->v6].emplace_back(first, first + span);
    entries[address->v6].push_back(i);
  }
  const Wide tops[2] = {0xffffffffu, ~Wide(0)};
  for (int v6 = 0; v6 < 2; ++v6) {
    if (!ranges[v6].empty() && ranges_cover(ranges[v6], tops[v6])) {
      family = v6 ? "IPv6" : "IPv4";
      return entries[v6];
    }
  }
  family.clear();
  return {};
}

std::string covering_cidrs_message(const std::vector<std::string>& cidrs,
                                   const std::vector<std::size_t>& covering,
                                   const std::string& family) {
  // A long list is named by its first entries: the message stays one readable line.
  constexpr std::size_t kNamed = 8;
  std::string names;
  for (std::size_t n = 0; n < covering.size() && n < kNamed; ++n) {
    names += (names.empty() ? "'" : ", '") + cidrs[covering[n]] + "'";
  }
  if (covering.size() > kNamed) {
    names += " and " + std::to_string(covering.size() - kNamed) + " more";
  }
  return names + " together cover every " + family + " address, like " +
         (family == "IPv4" ? "0.0.0.0/0" : "::/0") + ", and would disable SSRF protection";
}

std::optional<InputProblem> check_path(const std::string& text) {
  if (text.empty()) return problem("path is empty", 0, 0);
  if (std::size_t i = find_byte(text, is_c0_or_del); i != kNone) {
    return problem("path contains a control character (" + hex_byte(text[i]) + ")", i, 1);
  }
  // The rule pipelock's config values are held to (C1 controls, malformed UTF-8), so a
  // path is refused where it is given and not later at the output field it fills.
  if (const char* what = text_problem(text))
    return problem(std::string("path contains ") + what, 0, 0);
  return std::nullopt;
}

}  // namespace policyc
