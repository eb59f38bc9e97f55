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
  std::vector<std::filesystem::path> updated;  // --update: the files it rewrote or removed
};

/// The policyc arguments of a case: its `args` file without comment lines, or the default.
std::vector<std::string> golden_case_arguments(const std::filesystem::path& folder);

/// Every case folder under `root` (itself included), sorted by path. Folders whose name
/// starts with '_' are skipped below `root`: they hold fixtures of other cases (a case
/// of `policyc test` itself runs on cases that are meant to fail).
std::vector<std::filesystem::path> find_golden_cases(const std::filesystem::path& root);

/// Runs policyc in-process in the case folder and compares; with `update`, rewrites the
/// expected files that differ instead, atomically and never through a symbolic link (the
/// case passes unless a write fails). A case whose args run `policyc test` on itself is
/// refused rather than recursing without end.
GoldenOutcome run_golden_case(const std::filesystem::path& folder, bool update);

}  // namespace policyc
