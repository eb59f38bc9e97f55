#include "compiler/golden.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "compiler/cli.hpp"
#include "compiler/text_diff.hpp"

namespace policyc {

namespace fs = std::filesystem;

namespace {

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

void write_or_remove(const fs::path& path, const std::string& content, bool keep_empty) {
  if (content.empty() && !keep_empty) {
    fs::remove(path);
    return;
  }
  std::ofstream(path, std::ios::binary) << content;
}

std::vector<std::string> case_arguments(const fs::path& folder) {
  if (!fs::exists(folder / "args")) return {"compile", "bottle.yaml"};
  std::vector<std::string> args;
  std::istringstream lines(read_text(folder / "args"));
  for (std::string line; std::getline(lines, line);) {
    if (!line.empty() && line[0] != '#') args.push_back(line);
  }
  return args;
}

bool is_case(const fs::path& folder) {
  return fs::exists(folder / "args") || fs::exists(folder / "bottle.yaml") ||
         fs::exists(folder / "bottle.md");
}

// Runs in the case folder, so paths in diagnostics are the case's own relative paths.
class WorkingDirectory {
 public:
  explicit WorkingDirectory(const fs::path& folder) : saved_(fs::current_path()) {
    fs::current_path(folder);
  }
  ~WorkingDirectory() { fs::current_path(saved_); }

 private:
  fs::path saved_;
};

}  // namespace

std::vector<fs::path> find_golden_cases(const fs::path& root) {
  std::vector<fs::path> cases;
  if (is_case(root)) cases.push_back(root);
  if (fs::is_directory(root)) {
    for (const auto& entry : fs::recursive_directory_iterator(root)) {
      if (entry.is_directory() && is_case(entry.path())) cases.push_back(entry.path());
    }
  }
  std::sort(cases.begin(), cases.end());
  return cases;
}

GoldenOutcome run_golden_case(const fs::path& folder, bool update) {
  std::vector<std::string> args = case_arguments(folder);
  std::vector<const char*> argv{"policyc"};
  for (const std::string& arg : args) argv.push_back(arg.c_str());
  std::ostringstream out, err;
  int code;
  {
    WorkingDirectory in_case(folder);
    code = run_cli(static_cast<int>(argv.size()), argv.data(), out, err);
  }
  if (update) {
    write_or_remove(folder / "expected.yaml", out.str(), false);
    write_or_remove(folder / "expected.stderr", err.str(), false);
    write_or_remove(folder / "expected.exit", code == 0 ? "" : fmt::format("{}\n", code), false);
    return {true, ""};
  }
  GoldenOutcome outcome;
  const std::string name = folder.string();
  outcome.report += unified_diff(read_text(folder / "expected.yaml"), out.str(),
                                 name + "/expected.yaml", "stdout");
  outcome.report += unified_diff(read_text(folder / "expected.stderr"), err.str(),
                                 name + "/expected.stderr", "stderr");
  std::string expected_exit = read_text(folder / "expected.exit");
  int expected_code = expected_exit.empty() ? 0 : std::stoi(expected_exit);
  if (code != expected_code) {
    outcome.report += fmt::format("{}: exit code {}, expected {}\n", name, code, expected_code);
  }
  outcome.passed = outcome.report.empty();
  return outcome;
}

}  // namespace policyc
