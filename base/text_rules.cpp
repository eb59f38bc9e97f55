#include "base/text_rules.hpp"

#include <fmt/format.h>

#include "base/utf8.hpp"

namespace policyc {

const char* text_problem(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    // Printable ASCII, nearly every byte of a config, is skipped in one tight loop.
    while (i < s.size() && static_cast<unsigned char>(s[i] - 0x20) < 0x5f) ++i;
    if (i == s.size()) break;
    const Utf8Char c = decode_utf8(s, i);
    if (!c.valid) return "invalid UTF-8";
    if (is_control(c.code) || (c.code >= 0x80 && c.code <= 0x9f) || c.code == 0xfffe ||
        c.code == 0xffff) {
      return "a control character";
    }
    i += c.length;
  }
  return nullptr;
}

std::string printable(const std::string& s) {
  const bool escape_high = text_problem(s) != nullptr;
  std::string out;
  for (unsigned char c : s) {
    out += is_control(c) || (escape_high && c >= 0x80) ? fmt::format("\\x{:02x}", c)
                                                       : std::string(1, static_cast<char>(c));
  }
  return out;
}

}  // namespace policyc
