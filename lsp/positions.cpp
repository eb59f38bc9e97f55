#include "lsp/positions.hpp"

#include <algorithm>

#include "base/utf8.hpp"

namespace policyc::lsp {

namespace {

// The units one character takes: invalid bytes count one each, as editors show them.
std::uint32_t units(const Utf8Char& c, PositionEncoding encoding) {
  if (encoding == PositionEncoding::Utf8) return static_cast<std::uint32_t>(c.length);
  return c.valid && c.code >= 0x10000 ? 2 : 1;
}

bool is_break(char c) { return c == '\n' || c == '\r'; }

// Past the line break at `at` (LF, CR LF or CR).
std::size_t after_break(std::string_view text, std::size_t at) {
  return text[at] == '\r' && at + 1 < text.size() && text[at + 1] == '\n' ? at + 2 : at + 1;
}

}  // namespace

Position position_of(std::string_view text, std::uint32_t offset, PositionEncoding encoding) {
  const std::size_t end = std::min<std::size_t>(offset, text.size());
  Position position;
  std::size_t at = 0;
  while (at < end) {
    if (is_break(text[at])) {
      const std::size_t next = after_break(text, at);
      if (next > end) break;  // inside a CR LF: still on this line
      ++position.line;
      position.character = 0;
      at = next;
      continue;
    }
    const Utf8Char c = decode_utf8(text, at);
    if (at + c.length > end) break;  // inside a character: count it from its start
    position.character += units(c, encoding);
    at += c.length;
  }
  return position;
}

std::uint32_t offset_of(std::string_view text, Position position, PositionEncoding encoding) {
  std::size_t at = 0;
  for (std::uint32_t line = 0; line < position.line; ++line) {
    while (at < text.size() && !is_break(text[at])) ++at;
    if (at == text.size()) return static_cast<std::uint32_t>(at);
    at = after_break(text, at);
  }
  std::uint32_t counted = 0;
  while (at < text.size() && !is_break(text[at])) {
    const Utf8Char c = decode_utf8(text, at);
    const std::uint32_t width = units(c, encoding);
    if (counted + width > position.character) break;
    counted += width;
    at += c.length;
  }
  return static_cast<std::uint32_t>(at);
}

}  // namespace policyc::lsp
