#include "cli/golden.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <sstream>

#include "base/atomic_write.hpp"
#include "base/file_text.hpp"
#include "base/source_excerpt.hpp"
#include "base/text_diff.hpp"
#include "cli/cli.hpp"

namespace policyc {

namespace fs = std::filesystem;

namespace {

// Rewrites only what differs, so an update touches exactly the files whose review matters.
// Writes are atomic, as `-o` is, and never go through a symbolic link (which could point
// out of the case folder); every write that fails is reported and fails the case.
void write_or_remove(const fs::path& path, const std::string& content, GoldenOutcome& outcome) {
  std::error_code ec;
  const bool exists = fs::exists(fs::symlink_status(path, ec));
  if (content.empty()) {
    if (!exists) return;
    if (fs::remove(path, ec)) {
      outcome.updated.push_back(path);
    } else {
      outcome.report +=
          fmt::format("{}: cannot remove: {}\n", printable_text(path.string()), ec.message());
    }
    return;
  }
  if (exists && !fs::is_symlink(fs::symlink_status(path, ec)) && read_file_text(path) == content) {
    return;
  }
  const std::string error =
      write_file_atomically(path.string(), content, FileAccess::LikeSourceFile);
  if (error.empty()) {
    outcome.updated.push_back(path);
  } else {
    outcome.report += printable_text(error) + "\n";
  }
}

// The cases running, outermost first: a case whose args run `policyc test` on itself
// (directly or through other cases) would recurse until the stack overflows.
struct RunningCases {
  std::vector<fs::path> folders;
  std::optional<fs::path> repeated;  // the case found running inside itself
};

RunningCases& running_cases() {
  static RunningCases running;
  return running;
}

}  // namespace

std::vector<std::string> golden_case_arguments(const fs::path& folder) {
  if (!fs::exists(folder / "args")) return {"compile", "bottle.yaml"};
  std::vector<std::string> args;
  std::istringstream lines(read_file_text(folder / "args"));
  for (std::string line; std::getline(lines, line);) {
    if (!line.empty() && line[0] != '#') args.push_back(line);
  }
  return args;
}

namespace {

bool is_case(const fs::path& folder) {
  return fs::exists(folder / "args") || fs::exists(folder / "bottle.yaml") ||
         fs::exists(folder / "bottle.md");
}

}  // namespace

std::vector<fs::path> find_golden_cases(const fs::path& root) {
  std::vector<fs::path> cases;
  if (is_case(root)) cases.push_back(root);
  if (fs::is_directory(root)) {
    for (auto it = fs::recursive_directory_iterator(root); it != fs::recursive_directory_iterator();
         ++it) {
      // A link to a folder is no case of its own: a case may link to itself.
      if (!it->is_directory() || it->is_symlink()) continue;
      if (it->path().filename().string().rfind('_', 0) == 0) {
        it.disable_recursion_pending();
        continue;
      }
      if (is_case(it->path())) cases.push_back(it->path());
    }
  }
  std::sort(cases.begin(), cases.end());
  return cases;
}

GoldenOutcome run_golden_case(const fs::path& folder, bool update) {
  std::error_code ec;
  const fs::path self = fs::weakly_canonical(fs::absolute(folder, ec), ec);
  RunningCases& running = running_cases();
  if (std::find(running.folders.begin(), running.folders.end(), self) != running.folders.end()) {
    running.repeated = self;
    return {false, fmt::format("{}: refused: the case is already running\n", folder.string()), {}};
  }
  const std::vector<std::string> args = golden_case_arguments(folder);
  CliRun run;
  {
    WorkingDirectory in_case(folder);
    running.folders.push_back(self);
    run = run_cli_captured(args);
    running.folders.pop_back();
  }
  if (running.repeated == self) {
    running.repeated.reset();
    return {false,
            fmt::format("{}: its args run `policyc test` on the case itself, which would never "
                        "end; nothing was compared or written\n",
                        printable_text(folder.string())),
            {}};
  }
  const int code = run.code;
  if (update) {
    GoldenOutcome outcome;
    write_or_remove(folder / "expected.yaml", run.out, outcome);
    write_or_remove(folder / "expected.stderr", run.err, outcome);
    write_or_remove(folder / "expected.exit", code == 0 ? "" : fmt::format("{}\n", code), outcome);
    outcome.passed = outcome.report.empty();
    return outcome;
  }
  GoldenOutcome outcome;
  const std::string name = printable_text(folder.string());  // reports quote no raw control
  outcome.report += unified_diff(read_file_text(folder / "expected.yaml"), run.out,
                                 name + "/expected.yaml", "stdout");
  outcome.report += unified_diff(read_file_text(folder / "expected.stderr"), run.err,
                                 name + "/expected.stderr", "stderr");
  const std::string expected_exit = read_file_text(folder / "expected.exit");
  int expected_code = 0;
  std::size_t digits = 0;
  try {
    if (!expected_exit.empty()) expected_code = std::stoi(expected_exit, &digits);
  } catch (const std::exception&) {
  }
  if (!expected_exit.empty() && expected_exit.substr(digits) != "\n") {
    outcome.report += fmt::format("{}/expected.exit: expected an exit code and a newline\n", name);
  } else if (code != expected_code) {
    outcome.report += fmt::format("{}: exit code {}, expected {}\n", name, code, expected_code);
  }
  outcome.passed = outcome.report.empty();
  return outcome;
}

}  // namespace policyc
