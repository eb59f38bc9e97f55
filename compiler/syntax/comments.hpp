// Comments of a policy file. The parser treats them as trivia, so the formatter and
// the lint suppressions find them again here, with the same rules as the grammar.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace policyc {

struct Comment {
  std::uint32_t begin = 0;  // the '#'
  std::uint32_t end = 0;    // the end of the line, '\n' excluded
  bool own_line = false;    // nothing but blanks before it on its line
};

/// Every `#` comment outside a string literal, in order.
std::vector<Comment> scan_comments(std::string_view text);

/// The comment's text without trailing blanks.
std::string comment_text(std::string_view text, const Comment& comment);

/// The first offset at or after `at` that is neither a blank nor inside a comment.
std::uint32_t skip_trivia(std::string_view text, std::uint32_t at);

/// Whether a line holding only blanks lies strictly between the line of `from` and
/// the line of `to`.
bool has_blank_line_between(std::string_view text, std::uint32_t from, std::uint32_t to);

/// The own-line comments right above the line of `offset`, without their '#' (and one
/// blank after it), a line each: what documents a declaration (hover shows it).
std::string comment_above(std::string_view text, std::uint32_t offset);

/// comment_above, or when there is none, the comment ending the line of `offset`: the
/// shipped manifest documents most fields at the end of their line. Hover and
/// completion show it.
std::string field_comment(std::string_view text, std::uint32_t offset);

}  // namespace policyc
