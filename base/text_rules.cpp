#include "base/text_rules.hpp"

#include <fmt/format.h>

namespace policyc {

bool is_control(char32_t c) { return c < 0x20 || c == 0x7f; }

const char* text_problem(const std::string& s) {
  static const char32_t shortest[] = {0, 0, 0x80, 0x800, 0x10000};
  for (std::size_t i = 0; i < s.size();) {
    // Printable ASCII, nearly every byte of a config, is skipped in one tight loop.
    while (i < s.size() && static_cast<unsigned char>(s[i] - 0x20) < 0x5f) ++i;
    if (i == s.size()) break;
    const unsigned char lead = static_cast<unsigned char>(s[i]);
    const std::size_t n = lead < 0x80         ? 1
                          : (lead >> 5) == 6  ? 2
                          : (lead >> 4) == 14 ? 3
                          : (lead >> 3) == 30 ? 4
                                              : 0;
    if (n == 0 || i + n > s.size()) return "invalid UTF-8";
    char32_t cp = n == 1 ? lead : lead & (0x7fu >> n);
    for (std::size_t k = 1; k < n; ++k) {
      const unsigned char next = static_cast<unsigned char>(s[i + k]);
      if ((next & 0xc0) != 0x80) return "invalid UTF-8";
      cp = (cp << 6) | (next & 0x3f);
    }
    if (cp < shortest[n] || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
      return "invalid UTF-8";
    }
    if (is_control(cp) || (cp >= 0x80 && cp <= 0x9f) || cp == 0xfffe || cp == 0xffff) {
      return "a control character";
    }
    i += n;
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
