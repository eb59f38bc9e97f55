#include "lsp/yaml_outline.hpp"

#include <algorithm>

namespace policyc::lsp {

namespace {

struct Line {
  std::string_view text;  // without its line end
  std::uint32_t start = 0;
};

std::vector<Line> lines_of(std::string_view text) {
  std::vector<Line> lines;
  std::size_t start = 0;
  while (true) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back({line, static_cast<std::uint32_t>(start)});
    if (end == text.size()) return lines;
    start = end + 1;
  }
}

// What a line of block YAML starts with: its key's column (after the indentation and any
// "- " that opens a list item), and the key when a `KEY:` is there.
struct Shape {
  bool blank = true;  // nothing, or only a comment
  std::size_t column = 0;
  bool item = false;
  std::string key;
};

Shape shape_of(std::string_view line) {
  Shape shape;
  std::size_t i = line.find_first_not_of(' ');
  if (i == std::string_view::npos || line[i] == '#') return shape;
  shape.blank = false;
  while (i < line.size() && line[i] == '-' && (i + 1 == line.size() || line[i + 1] == ' ')) {
    shape.item = true;
    const std::size_t dash = i;
    i = line.find_first_not_of(' ', i + 1);
    if (i == std::string_view::npos) {
      shape.column = dash + 2;
      return shape;
    }
  }
  shape.column = i;
  std::size_t colon = std::string_view::npos;
  if (line[i] == '"' || line[i] == '\'') {
    const std::size_t close = line.find(line[i], i + 1);
    if (close != std::string_view::npos && close + 1 < line.size() && line[close + 1] == ':') {
      shape.key = std::string(line.substr(i + 1, close - i - 1));
      colon = close + 1;
    }
  } else {
    for (std::size_t at = line.find(':', i); at != std::string_view::npos;
         at = line.find(':', at + 1)) {
      if (at + 1 == line.size() || line[at + 1] == ' ') {
        shape.key = std::string(line.substr(i, at - i));
        colon = at;
        break;
      }
    }
  }
  if (colon == std::string_view::npos) shape.key.clear();
  return shape;
}

bool is_marker(std::string_view line, std::string_view marker) {
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
  return line == marker;
}

}  // namespace

std::optional<YamlOutline> yaml_outline(std::string_view text, std::uint32_t offset,
                                        bool markdown) {
  const std::vector<Line> lines = lines_of(text);
  std::size_t cursor = 0;
  while (cursor + 1 < lines.size() && lines[cursor + 1].start <= offset) ++cursor;
  std::size_t first = 0, end = lines.size();
  if (markdown) {  // the front matter: between a first line "---" and a "---" or "..."
    if (!is_marker(lines[0].text, "---")) return std::nullopt;
    first = 1;
    for (end = 1; end < lines.size(); ++end) {
      if (is_marker(lines[end].text, "---") || is_marker(lines[end].text, "...")) break;
    }
    if (cursor < first || cursor >= end) return std::nullopt;
  }
  const std::string_view line = lines[cursor].text;
  const std::size_t character = std::min<std::size_t>(offset - lines[cursor].start, line.size());
  const Shape typed = shape_of(line.substr(0, character));
  YamlOutline outline;
  outline.item = typed.item;
  if (!typed.key.empty()) outline.value_of = typed.key;
  const std::size_t column = typed.blank ? character : typed.column;
  // Upward: the keys of this mapping until its list item's "- " or its parent, then the
  // parents, each less indented than the one below it.
  bool siblings = !typed.item;
  std::size_t level = column;
  for (std::size_t i = cursor; i-- > first;) {
    const Shape shape = shape_of(lines[i].text);
    if (shape.blank) continue;
    if (shape.column >= level) {
      if (siblings && shape.column == level) {
        if (!shape.key.empty()) outline.siblings.push_back(shape.key);
        siblings = !shape.item;
      }
      continue;
    }
    siblings = false;
    if (!shape.key.empty()) outline.path.insert(outline.path.begin(), shape.key);
    level = shape.column;
  }
  // Downward: the keys of this mapping until a line less indented or the next item.
  for (std::size_t i = cursor + 1; i < end; ++i) {
    const Shape shape = shape_of(lines[i].text);
    if (shape.blank || shape.column > column) continue;
    if (shape.column < column || shape.item) break;
    if (!shape.key.empty()) outline.siblings.push_back(shape.key);
  }
  return outline;
}

}  // namespace policyc::lsp
