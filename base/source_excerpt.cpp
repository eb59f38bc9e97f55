#include "base/source_excerpt.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <vector>

#include "base/utf8.hpp"

namespace policyc {

namespace {

constexpr std::size_t kTabStop = 8;
constexpr std::size_t kWindowWidth = 160;  // columns shown of a line that is too long
constexpr std::size_t kWindowBefore = 60;  // of which before the caret
const std::string kEllipsis = "...";
// A line longer than this is laid out only near the mark, so an excerpt of a 16 MiB
// line costs what it shows, not the line.
constexpr std::size_t kMaxLaidOutBytes = 4096;
constexpr std::size_t kBytesAround = 1024;  // laid out each side of the mark: > 160 columns

bool in(char32_t c, char32_t low, char32_t high) { return c >= low && c <= high; }

// Characters a terminal would act on or not show at all: controls, bidirectional
// overrides and isolates (which can reorder a line, "Trojan Source"), zero-width marks.
bool must_show_escaped(char32_t c) {
  return c < 0x20 || in(c, 0x7F, 0x9F) || in(c, 0x200B, 0x200F) || in(c, 0x202A, 0x202E) ||
         in(c, 0x2060, 0x2069) || c == 0xFEFF;
}

std::size_t char_width(char32_t c) {
  if (in(c, 0x0300, 0x036F) || in(c, 0x1AB0, 0x1AFF) || in(c, 0x1DC0, 0x1DFF) ||
      in(c, 0x20D0, 0x20FF) || in(c, 0xFE00, 0xFE0F) || in(c, 0xFE20, 0xFE2F)) {
    return 0;
  }
  if (in(c, 0x1100, 0x115F) || in(c, 0x2E80, 0x303E) || in(c, 0x3041, 0x33FF) ||
      in(c, 0x3400, 0x4DBF) || in(c, 0x4E00, 0x9FFF) || in(c, 0xA000, 0xA4CF) ||
      in(c, 0xAC00, 0xD7A3) || in(c, 0xF900, 0xFAFF) || in(c, 0xFE30, 0xFE4F) ||
      in(c, 0xFF00, 0xFF60) || in(c, 0xFFE0, 0xFFE6) || in(c, 0x1F300, 0x1F64F) ||
      in(c, 0x1F900, 0x1F9FF) || in(c, 0x20000, 0x3FFFD)) {
    return 2;
  }
  return 1;
}

// How one character is shown, given the column it starts at (for tabs).
// `c` starts at byte `at` of `text`.
std::string shown(const Utf8Char& c, std::string_view text, std::size_t at, std::size_t column) {
  if (!c.valid) return fmt::format("<{:02X}>", static_cast<unsigned>(c.code));
  if (c.code == '\t') return std::string(kTabStop - column % kTabStop, ' ');
  if (must_show_escaped(c.code)) return fmt::format("<U+{:04X}>", static_cast<unsigned>(c.code));
  return std::string(text.substr(at, c.length));
}

struct ShownChar {
  std::size_t byte = 0;
  std::size_t length = 1;  // bytes in the line
  std::size_t column = 0;
  std::size_t width = 0;
  std::string text;
};

std::vector<ShownChar> layout(std::string_view line) {
  std::vector<ShownChar> chars;
  std::size_t column = 0;
  for (std::size_t at = 0; at < line.size();) {
    const Utf8Char c = decode_utf8(line, at);
    std::string text = shown(c, line, at, column);
    bool plain = c.valid && c.code != '\t' && !must_show_escaped(c.code);
    std::size_t width = plain ? char_width(c.code) : text.size();
    chars.push_back({at, c.length, column, width, std::move(text)});
    column += width;
    at += c.length;
  }
  return chars;
}

}  // namespace

std::string printable_text(std::string_view text) {
  const bool plain = std::all_of(text.begin(), text.end(),
                                 [](char c) { return (c >= 0x20 && c < 0x7F) || c == '\t'; });
  if (plain) return std::string(text);
  std::string out;
  for (const ShownChar& c : layout(text)) {
    // Tabs in a message stay tabs: they move the cursor but cannot hide anything.
    out += text[c.byte] == '\t' ? std::string("\t") : c.text;
  }
  return out;
}

namespace {

// The excerpt of `line`, which is cut already before (`cut_left`) or after (`cut_right`).
SourceExcerpt excerpt_of(std::string_view line, std::size_t begin, std::size_t end, bool cut_left,
                         bool cut_right) {
  const std::vector<ShownChar> chars = layout(line);
  const std::size_t total = chars.empty() ? 0 : chars.back().column + chars.back().width;
  std::size_t caret = total;
  std::size_t mark_end = 0;
  for (const ShownChar& c : chars) {
    if (c.byte <= begin && begin < c.byte + c.length) caret = c.column;
    if (c.byte + c.length > begin && c.byte < end) mark_end = c.column + c.width;
  }
  std::size_t mark_width = mark_end > caret ? mark_end - caret : 1;

  std::size_t from = 0, to = total;
  if (total > kMaxExcerptWidth) {
    from = caret > kWindowBefore ? caret - kWindowBefore : 0;
    to = std::min(total, from + kWindowWidth);
    from = to > kWindowWidth ? std::min(from, to - kWindowWidth) : 0;
  }
  SourceExcerpt excerpt;
  std::size_t first_shown = to;
  std::size_t last_shown = from;
  for (const ShownChar& c : chars) {
    if (c.column < from || c.column + c.width > to) continue;
    first_shown = std::min(first_shown, c.column);
    last_shown = c.column + c.width;
    excerpt.line += c.text;
  }
  const bool cut_before = from > 0 || cut_left;
  const bool cut_after = to < total || cut_right;
  if (cut_before) excerpt.line = kEllipsis + excerpt.line;
  if (cut_after) excerpt.line += kEllipsis;
  if (first_shown > caret) first_shown = from;
  excerpt.caret_column = (cut_before ? kEllipsis.size() : 0) + caret - std::min(caret, first_shown);
  if (cut_after && caret + mark_width > last_shown) {
    mark_width = last_shown > caret ? last_shown - caret : 1;
  }
  excerpt.mark_width = std::max<std::size_t>(1, mark_width);
  return excerpt;
}

bool continuation_byte(std::string_view text, std::size_t at) {
  return at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80;
}

}  // namespace

SourceExcerpt make_excerpt(std::string_view line, std::size_t begin, std::size_t end) {
  if (line.size() <= kMaxLaidOutBytes) return excerpt_of(line, begin, end, false, false);
  begin = std::min(begin, line.size());
  end = std::max(begin, end);
  std::size_t from = begin > kBytesAround ? begin - kBytesAround : 0;
  std::size_t to = std::min(line.size(), begin + kBytesAround);
  // Cut at character boundaries (a UTF-8 character has at most 3 continuation bytes).
  for (int i = 0; i < 3 && from > 0 && continuation_byte(line, from); ++i) --from;
  for (int i = 0; i < 3 && to < line.size() && continuation_byte(line, to); ++i) ++to;
  return excerpt_of(line.substr(from, to - from), begin - from, std::min(end, to) - from, from > 0,
                    to < line.size());
}

}  // namespace policyc
