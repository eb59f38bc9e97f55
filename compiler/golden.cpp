#include "compiler/golden.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "compiler/cli.hpp"
#include "compiler/file_text.hpp"
#include "compiler/text_diff.hpp"

namespace policyc {

namespace fs = std::filesystem;

namespace {

// Rewrites only what differs, so an update touches exactly the files whose review matters.
void write_or_remove(const fs::path& path, const std::string& content,
                     std::vector<fs::path>& updated) {
  const bool exists = fs::exists(path);
  if (content.empty()) {
    if (exists && fs::remove(path)) updated.push_back(path);
    return;
  }
  if (exists && read_file_text(path) == content) return;
  std::ofstream(path, std::ios::binary) << content;
  updated.push_back(path);
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
  const std::vector<std::string> args = golden_case_arguments(folder);
  CliRun run;
  {
    WorkingDirectory in_case(folder);
    run = run_cli_captured(args);
  }
  const int code = run.code;
  if (update) {
    GoldenOutcome outcome{true, "", {}};
    write_or_remove(folder / "expected.yaml", run.out, outcome.updated);
    write_or_remove(folder / "expected.stderr", run.err, outcome.updated);
    write_or_remove(folder / "expected.exit", code == 0 ? "" : fmt::format("{}\n", code),
                    outcome.updated);
    return outcome;
  }
  GoldenOutcome outcome;
  const std::string name = folder.string();
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
