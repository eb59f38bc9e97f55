// A unified diff of two texts, for golden-file mismatches.
#pragma once
#include <string>

namespace policyc {

/// Lines of `expected` and `actual` in unified-diff form (`-` expected, `+` actual),
/// with three lines of context; "" when the texts are equal.
std::string unified_diff(const std::string& expected, const std::string& actual,
                         const std::string& expected_name, const std::string& actual_name);

}  // namespace policyc
