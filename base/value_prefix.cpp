#include "base/value_prefix.hpp"

namespace policyc {

std::string value_prefix(std::string_view text) {
  if (text.size() <= kMaxQuotedBytes) return std::string(text);
  std::size_t end = kQuotedPrefixBytes;
  // Back to the start of a character, at most 3 continuation bytes.
  for (int i = 0; i < 3 && end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80; ++i) {
    --end;
  }
  return std::string(text.substr(0, end)) + "...";
}

}  // namespace policyc
