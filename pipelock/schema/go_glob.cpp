#include "pipelock/schema/go_glob.hpp"

#include "base/utf8.hpp"

namespace policyc {

namespace {

// One class character, `\`-escaped or not, as Go's getEsc reads it; false where Go
// returns ErrBadPattern (nothing left, a bare '-' or ']', a lone '\', invalid UTF-8,
// or the class ending right after it).
bool class_char(std::string_view& chunk) {
  if (chunk.empty() || chunk.front() == '-' || chunk.front() == ']') return false;
  if (chunk.front() == '\\') {
    chunk.remove_prefix(1);
    if (chunk.empty()) return false;
  }
  const Utf8Char c = decode_utf8(chunk, 0);
  if (!c.valid) return false;
  chunk.remove_prefix(c.length);
  return !chunk.empty();
}

// A class after its '[': `^`? then ranges `c` or `c-c`, at least one, then ']'.
bool char_class(std::string_view& chunk) {
  if (!chunk.empty() && chunk.front() == '^') chunk.remove_prefix(1);
  for (int ranges = 0;; ++ranges) {
    if (!chunk.empty() && chunk.front() == ']' && ranges > 0) {
      chunk.remove_prefix(1);
      return true;
    }
    if (!class_char(chunk)) return false;
    if (chunk.front() == '-') {
      chunk.remove_prefix(1);
      if (!class_char(chunk)) return false;
    }
  }
}

}  // namespace

bool is_bad_go_glob(std::string_view pattern) {
  while (!pattern.empty()) {
    const char c = pattern.front();
    pattern.remove_prefix(1);
    if (c == '[') {
      if (!char_class(pattern)) return true;
    } else if (c == '\\') {
      if (pattern.empty()) return true;
      pattern.remove_prefix(1);
    }
  }
  return false;
}

}  // namespace policyc
