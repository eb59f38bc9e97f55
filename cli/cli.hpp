// The command line: runs any policyc command, with its exit codes; and the same in-process,
// output captured, for the tests.
#pragma once
#include <ostream>
#include <string>
#include <vector>

namespace policyc {

/// Exit codes: 0 success; 1 invalid policy, manifest or parameter; 2 usage error.
enum ExitCode : int { kExitOk = 0, kExitInvalid = 1, kExitUsage = 2 };

/// Runs policyc with `argv`, writing results to `out` and diagnostics to `err`.
int run_cli(int argc, const char* const* argv, std::ostream& out, std::ostream& err);

struct CliRun {
  int code = 0;
  std::string out;
  std::string err;
};

/// Runs policyc in-process with `args` (without the program name), capturing its output.
CliRun run_cli_captured(const std::vector<std::string>& args);

}  // namespace policyc
