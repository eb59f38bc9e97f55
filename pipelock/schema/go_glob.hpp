// pipelock's path patterns (suppress paths, taint paths, git branch patterns) are Go
// globs, which it checks with path.Match (or filepath.Match, the same syntax on Linux)
// when it loads a config: a malformed one is refused rather than never matching.
#pragma once
#include <string_view>

namespace policyc {

/// Whether Go's path.Match reports ErrBadPattern for `pattern`: an unclosed or empty
/// `[...]` class, a range or class character missing, a trailing `\`, or invalid UTF-8
/// inside a class. Go checks the whole pattern, whatever it is matched against.
bool is_bad_go_glob(std::string_view pattern);

}  // namespace policyc
