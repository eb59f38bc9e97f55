#include "compiler/syntax/comments.hpp"

namespace policyc {

namespace {

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

}  // namespace

std::vector<Comment> scan_comments(std::string_view text) {
  std::vector<Comment> comments;
  bool in_string = false;
  bool line_has_code = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n') {
      in_string = false;  // strings are one line; the parser has reported the rest
      line_has_code = false;
      continue;
    }
    if (in_string) {
      if (c == '\\')
        ++i;
      else if (c == '"')
        in_string = false;
      continue;
    }
    if (c == '#') {
      std::size_t end = text.find('\n', i);
      if (end == std::string_view::npos) end = text.size();
      comments.push_back(
          {static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(end), !line_has_code});
      i = end - 1;
      continue;
    }
    if (c == '"') in_string = true;
    if (!is_blank(c)) line_has_code = true;
  }
  return comments;
}

std::string comment_text(std::string_view text, const Comment& comment) {
  std::string_view body = text.substr(comment.begin, comment.end - comment.begin);
  while (!body.empty() && is_blank(body.back())) body.remove_suffix(1);
  return std::string(body);
}

std::uint32_t skip_trivia(std::string_view text, std::uint32_t at) {
  while (at < text.size()) {
    if (is_blank(text[at])) {
      ++at;
    } else if (text[at] == '#') {
      std::size_t end = text.find('\n', at);
      at = end == std::string_view::npos ? static_cast<std::uint32_t>(text.size())
                                         : static_cast<std::uint32_t>(end);
    } else {
      break;
    }
  }
  return at;
}

bool has_blank_line_between(std::string_view text, std::uint32_t from, std::uint32_t to) {
  std::size_t line = text.find('\n', from);
  while (line != std::string_view::npos && line < to) {
    std::size_t next = text.find('\n', line + 1);
    if (next == std::string_view::npos || next >= to) return false;  // `to` is on that line
    bool blank = true;
    for (std::size_t i = line + 1; i < next; ++i) blank = blank && is_blank(text[i]);
    if (blank) return true;
    line = next;
  }
  return false;
}

std::string comment_above(std::string_view text, std::uint32_t offset) {
  const std::size_t line_start = text.rfind('\n', offset == 0 ? 0 : offset - 1);
  if (line_start == std::string_view::npos) return "";
  std::vector<std::string> lines;
  std::uint32_t expected_end = static_cast<std::uint32_t>(line_start);  // the '\n' before
  const std::vector<Comment> comments = scan_comments(text.substr(0, line_start));
  for (auto it = comments.rbegin(); it != comments.rend(); ++it) {
    if (!it->own_line || it->end != expected_end) break;
    std::string line = comment_text(text, *it).substr(1);
    if (!line.empty() && line[0] == ' ') line.erase(0, 1);
    lines.insert(lines.begin(), std::move(line));
    const std::size_t previous = text.rfind('\n', it->begin == 0 ? 0 : it->begin - 1);
    if (previous == std::string_view::npos || it->begin == 0) break;
    expected_end = static_cast<std::uint32_t>(previous);
  }
  std::string joined;
  for (const std::string& line : lines) joined += line + "\n";
  return joined;
}

std::string field_comment(std::string_view text, std::uint32_t offset) {
  std::string above = comment_above(text, offset);
  if (!above.empty()) return above;
  const std::size_t line_start = offset == 0 ? 0 : text.rfind('\n', offset - 1) + 1;
  const std::string_view line = text.substr(line_start, text.find('\n', offset) - line_start);
  for (const Comment& c : scan_comments(line)) {
    if (c.own_line) continue;
    std::string body = comment_text(line, c).substr(1);
    if (!body.empty() && body[0] == ' ') body.erase(0, 1);
    return body + "\n";
  }
  return "";
}

}  // namespace policyc
