// Golden cases: a folder with a bottle, the command to run, and the exact expected
// stdout, stderr and exit code.
#pragma once
#include <filesystem>
#include <string>
#include <vector>

namespace policyc {

/// Files of a case folder:
///   args             the policyc arguments, one per line (default: compile, bottle.yaml)
///   expected.yaml    the exact stdout (absent: empty)
///   expected.stderr  the exact stderr (absent: empty)
///   expected.exit    the exit code (absent: 0)
struct GoldenOutcome {
  bool passed = false;
  std::string report;  // unified diffs of what differs
};

/// Every case folder under `root` (itself included), sorted by path.
std::vector<std::filesystem::path> find_golden_cases(const std::filesystem::path& root);

/// Runs policyc in-process in the case folder and compares; with `update`, rewrites the
/// expected files instead (and the case passes).
GoldenOutcome run_golden_case(const std::filesystem::path& folder, bool update);

}  // namespace policyc
