// pipelock's pattern fields (DLP and response patterns, tool policy rules) are Go
// regexps, which pipelock compiles with regexp.Compile when it loads a config. Go's
// syntax is RE2's, so RE2 judges them, with the two places where they part adjusted.
#pragma once
#include <string>
#include <string_view>

namespace policyc {

/// Why Go's regexp.Compile refuses `pattern`, in RE2's words ("missing ): (abc"), or ""
/// when it compiles.
std::string go_regexp_error(std::string_view pattern);

}  // namespace policyc
