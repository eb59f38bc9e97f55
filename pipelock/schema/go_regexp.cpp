#include "pipelock/schema/go_regexp.hpp"

#include <re2/re2.h>

namespace policyc {

namespace {

// Where Go and this RE2 (Debian 12's, 2022-06-01) part:
// - `\C` (any byte) is RE2's alone: Go refuses it as an invalid escape.
// - `(?<name>re)` is Go's since 1.22; this RE2 knows only `(?P<name>re)`.
// Both are read outside `\Q...\E`, where everything is literal.
struct Translated {
  std::string pattern;
  bool any_byte_escape = false;
};

Translated translate(std::string_view go) {
  Translated out;
  out.pattern.reserve(go.size() + 8);
  std::size_t at = 0;
  while (at < go.size()) {
    const char c = go[at];
    if (c == '\\' && at + 1 < go.size()) {
      const char escaped = go[at + 1];
      if (escaped == 'C') out.any_byte_escape = true;
      if (escaped == 'Q') {
        const std::size_t end = go.find("\\E", at + 2);
        const std::size_t stop = end == std::string_view::npos ? go.size() : end + 2;
        out.pattern.append(go.substr(at, stop - at));
        at = stop;
        continue;
      }
      out.pattern.append(go.substr(at, 2));
      at += 2;
      continue;
    }
    out.pattern += c;
    if (c == '(' && go.substr(at + 1, 2) == "?<" && at + 3 < go.size() && go[at + 3] != '=' &&
        go[at + 3] != '!') {
      out.pattern += "?P<";
      at += 3;
      continue;
    }
    ++at;
  }
  return out;
}

}  // namespace

std::string go_regexp_error(std::string_view pattern) {
  const Translated translated = translate(pattern);
  if (translated.any_byte_escape) return "invalid escape sequence: \\C";
  RE2::Options options;
  options.set_log_errors(false);  // the caller reports it, at the value
  const RE2 compiled(translated.pattern, options);
  return compiled.ok() ? "" : compiled.error();
}

}  // namespace policyc
