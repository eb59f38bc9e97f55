#include "base/yaml_scalar_range.hpp"

#include <algorithm>

namespace policyc {

namespace {

bool is_blank(char c) { return c == ' ' || c == '\t'; }
bool is_break(char c) { return c == '\n' || c == '\r'; }
bool is_flow_indicator(char c) { return c == ',' || c == '[' || c == ']' || c == '{' || c == '}'; }

std::uint32_t size_of(std::string_view text) { return static_cast<std::uint32_t>(text.size()); }

// Blanks, line breaks and whole comments: what may separate node properties from content.
std::uint32_t skip_separation(std::string_view text, std::uint32_t i) {
  const std::uint32_t n = size_of(text);
  while (i < n) {
    if (is_blank(text[i]) || is_break(text[i])) {
      ++i;
    } else if (text[i] == '#' && (i == 0 || is_blank(text[i - 1]) || is_break(text[i - 1]))) {
      while (i < n && !is_break(text[i])) ++i;
    } else {
      break;
    }
  }
  return i;
}

std::uint32_t trim_blanks_before(std::string_view text, std::uint32_t begin, std::uint32_t end) {
  while (end > begin && is_blank(text[end - 1])) --end;
  return end;
}

}  // namespace

std::uint32_t skip_node_properties(std::string_view text, std::uint32_t at, std::uint32_t* tag_at,
                                   std::uint32_t* tag_end) {
  const std::uint32_t n = size_of(text);
  bool skipped = false;
  while (at < n && (text[at] == '&' || text[at] == '!')) {
    std::uint32_t start = at;
    while (at < n && !is_blank(text[at]) && !is_break(text[at]) && !is_flow_indicator(text[at])) {
      ++at;
    }
    if (text[start] == '!' && tag_at != nullptr && tag_end != nullptr && !skipped) {
      *tag_at = start;
      *tag_end = at;
    }
    skipped = true;
    at = skip_separation(text, at);
  }
  return at;
}

ScalarExtent scalar_extent(std::string_view text, std::uint32_t at, bool in_flow) {
  const std::uint32_t n = size_of(text);
  if (at >= n) return {at, true};
  const char first = text[at];
  if (first == '"' || first == '\'') {
    for (std::uint32_t i = at + 1; i < n; ++i) {
      if (first == '"' && text[i] == '\\') {
        ++i;  // the escaped character cannot close the scalar
      } else if (text[i] == first) {
        if (first == '\'' && i + 1 < n && text[i + 1] == '\'') {
          ++i;  // '' is an escaped single quote
        } else {
          return {i + 1, true};
        }
      }
    }
    return {n, false};
  }
  std::uint32_t i = at;
  if (first == '|' || first == '>') {
    // A block scalar's content is indentation-defined; the header line is enough to point at.
    while (i < n && !is_break(text[i]) && !(text[i] == '#' && i > at && is_blank(text[i - 1]))) {
      ++i;
    }
    return {trim_blanks_before(text, at, i), true};
  }
  for (; i < n; ++i) {
    const char c = text[i];
    if (is_break(c)) break;
    if (c == '#' && i > at && is_blank(text[i - 1])) break;
    if (in_flow && is_flow_indicator(c)) break;
    if (c == ':' && i > at) {
      const char next = i + 1 < n ? text[i + 1] : ' ';
      if (is_blank(next) || is_break(next) || (in_flow && is_flow_indicator(next))) break;
    }
  }
  std::uint32_t end = trim_blanks_before(text, at, i);
  return {end > at ? end : at + 1, true};
}

std::uint32_t alias_end(std::string_view text, std::uint32_t at) {
  const std::uint32_t n = size_of(text);
  std::uint32_t i = at + 1;
  while (i < n && !is_blank(text[i]) && !is_break(text[i]) && !is_flow_indicator(text[i])) ++i;
  return std::min(i, n);
}

bool is_null_literal(std::string_view text, std::uint32_t at, std::uint32_t end) {
  std::string_view word = text.substr(at, end - at);
  return word == "~" || word == "null" || word == "Null" || word == "NULL";
}

std::uint32_t empty_node_offset(std::string_view text, std::uint32_t after, std::uint32_t limit) {
  std::uint32_t i = after;
  while (i < limit && (is_blank(text[i]) || is_break(text[i]))) ++i;
  if (i < limit && (text[i] == ':' || text[i] == '-' || text[i] == '?')) return i + 1;
  return after;
}

std::uint32_t flow_collection_end(std::string_view text, std::uint32_t after) {
  const std::uint32_t n = size_of(text);
  std::uint32_t i = after;
  while (true) {
    i = skip_separation(text, i);
    if (i < n && text[i] == ',') {
      ++i;
      continue;
    }
    break;
  }
  if (i < n && (text[i] == ']' || text[i] == '}')) return i + 1;
  return after;
}

}  // namespace policyc
