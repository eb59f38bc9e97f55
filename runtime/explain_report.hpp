// The text and JSON forms of `policyc explain`. Locations are `file:line`; a
// parameter is located on the command line.
#pragma once
#include <string>

#include "runtime/explain.hpp"

namespace policyc {

std::string explain_text(const Explanation& explanation, const SourceManager& sources);
std::string explain_json(const Explanation& explanation, const SourceManager& sources);

std::string explain_host_text(const HostExplanation& host, const SourceManager& sources);
std::string explain_host_json(const HostExplanation& host, const SourceManager& sources);

}  // namespace policyc
