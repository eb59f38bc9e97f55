// The command line: `policyc compile`, `policyc summary`.
#pragma once
#include <ostream>

namespace policyc {

/// Exit codes: 0 success; 1 invalid policy, manifest or parameter; 2 usage error.
enum ExitCode : int { kExitOk = 0, kExitInvalid = 1, kExitUsage = 2 };

/// Runs policyc with `argv`, writing results to `out` and diagnostics to `err`.
int run_cli(int argc, const char* const* argv, std::ostream& out, std::ostream& err);

}  // namespace policyc
