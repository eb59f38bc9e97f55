// The quoted source line under a diagnostic, as a terminal shows it: tabs expanded,
// wide characters counted twice, invisible and control characters made visible, and
// very long lines cut to a window around the caret.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace policyc {

struct SourceExcerpt {
  std::string line;              // the text to print, without a newline
  std::size_t caret_column = 0;  // 0-based display column of the caret
  std::size_t mark_width = 1;    // display columns the caret and `~` cover, at least 1
};

/// Lines wider than this many display columns are shown as a window around the caret.
inline constexpr std::size_t kMaxExcerptWidth = 200;

/// The excerpt of `line` marking bytes [begin, end) (clamped to the line; an empty or
/// past-the-end range marks one column).
SourceExcerpt make_excerpt(std::string_view line, std::size_t begin, std::size_t end);

/// `text` with control characters, bidirectional overrides and invisible characters
/// replaced by `<U+XXXX>` and invalid UTF-8 bytes by `<XX>`, so no input can move the
/// cursor or reorder what the terminal shows.
std::string printable_text(std::string_view text);

}  // namespace policyc
