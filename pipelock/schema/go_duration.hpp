// Go's time.ParseDuration syntax, checked in linear time by a short scan (a long input
// once overflowed the stack of libstdc++'s std::regex).
#pragma once
#include <string_view>

namespace policyc {

/// `[+]?` then one or more NUMBER UNIT, NUMBER being `12`, `1.5`, `1.` or `.5` and UNIT
/// one of ns us µs μs ms s m h, with a non-zero digit somewhere: what pipelock accepts
/// as a positive duration ("24h", "1h30m", "1.5s").
bool is_positive_go_duration(std::string_view text);

}  // namespace policyc
