// The one-line account of a config's allowed hosts that `compile` and `summary` print.
#pragma once
#include <string>

#include "ir/output.hpp"

namespace policyc {

/// "N hosts allowed (a, b, c, +M more)": the preflight line of the reference.
std::string allowlist_summary(const OutputDocument& output);

}  // namespace policyc
