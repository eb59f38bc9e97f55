// LSP positions (line, character) and the byte offsets policyc counts in. A character
// is a UTF-16 code unit unless the client agreed to UTF-8 (`positionEncoding`).
#pragma once
#include <cstdint>
#include <string_view>

namespace policyc::lsp {

enum class PositionEncoding { Utf16, Utf8 };

struct Position {
  std::uint32_t line = 0;       // 0-based; lines end at LF, CR LF or CR, as LSP says
  std::uint32_t character = 0;  // 0-based, in the encoding's units
};

/// The position of byte `offset` of `text` (an offset past the end is the end).
Position position_of(std::string_view text, std::uint32_t offset, PositionEncoding encoding);

/// The byte offset of `position` in `text`: a character past the line's end is its end,
/// a line past the last is the end of the text, and a character inside a UTF-16
/// surrogate pair or a UTF-8 sequence is the start of that character.
std::uint32_t offset_of(std::string_view text, Position position, PositionEncoding encoding);

}  // namespace policyc::lsp
