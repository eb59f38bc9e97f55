// The one UTF-8 decoder: every reader of text (diagnostic excerpts, text rules, YAML
// scalar ranges, IDN labels) takes code points from here, so all agree on what is valid.
#pragma once
#include <cstddef>
#include <string_view>

namespace policyc {

struct Utf8Char {
  char32_t code = 0;
  std::size_t length = 1;  // bytes
  bool valid = true;
};

/// The character that starts at byte `at` (< text.size()). Valid UTF-8 (RFC 3629: no
/// overlong form, no surrogate, nothing past U+10FFFF, no truncated sequence) gives the
/// code point and its length; anything else gives the byte itself, length 1, not valid.
Utf8Char decode_utf8(std::string_view text, std::size_t at);

}  // namespace policyc
