// How a message quotes a value from the input: whole when short, else a prefix, so a
// 4 MB string in a manifest or a parameter cannot make a 4 MB diagnostic (text or JSON).
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace policyc {

/// Values up to this many bytes are quoted whole: the longest DNS label.
inline constexpr std::size_t kMaxQuotedBytes = 63;
/// Of a longer value, this many bytes are quoted, then "...".
inline constexpr std::size_t kQuotedPrefixBytes = 20;

/// `text` as a message quotes it: itself up to kMaxQuotedBytes, else its first
/// kQuotedPrefixBytes (not cutting a UTF-8 character) and "...".
std::string value_prefix(std::string_view text);

}  // namespace policyc
