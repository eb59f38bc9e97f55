// The text and JSON forms of `policyc explain`. Locations are `file:line`; a
// parameter is located on the command line. Text shows file names, values and policy
// text as diagnostics do (printable_text): nothing read from a file can add a line or
// send a terminal escape. JSON keeps them exact.
#pragma once
#include <string>

#include "pipelock/explain/explain.hpp"

namespace policyc {

std::string explain_text(const Explanation& explanation, const SourceManager& sources);
std::string explain_json(const Explanation& explanation, const SourceManager& sources);

std::string explain_host_text(const HostExplanation& host, const SourceManager& sources);
std::string explain_host_json(const HostExplanation& host, const SourceManager& sources);

}  // namespace policyc
