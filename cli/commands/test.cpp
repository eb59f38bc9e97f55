// `policyc test`: golden cases.
#include <fmt/format.h>

#include <memory>
#include <set>

#include "cli/cli.hpp"
#include "cli/commands.hpp"
#include "pipeline/driver.hpp"
#include "cli/golden.hpp"
#include "pipeline/project.hpp"
#include "base/source_excerpt.hpp"

namespace policyc {

namespace {

namespace fs = std::filesystem;

struct TestOptions {
  std::vector<std::string> folders;  // empty: the golden folder of the project, or golden
  bool update = false;
};

// The policy a case's commands resolve to, as the summary names it: each case runs in
// its folder, so against the project that contains it (not the current directory's).
std::string case_policy(const fs::path& golden_case) {
  PolicyChoice choice;
  choice.entry = kShippedPolicy;
  std::optional<fs::path> root = find_project_root(golden_case);
  if (!root) return describe_policy(choice);
  SourceManager sources;
  DiagnosticSink diags;
  choice.project = read_project(*root, sources, diags);
  if (!choice.project) {
    return fmt::format("invalid policyc.yaml of project {}", printable_text(display_path(*root)));
  }
  choice.origin = PolicyChoice::Origin::Project;
  choice.entry = choice.project->policy;
  return describe_policy(choice);
}

std::string summary_policies(const std::set<std::string>& policies) {
  if (policies.empty()) return "";
  if (policies.size() == 1) return fmt::format(" (policy: {})", *policies.begin());
  return fmt::format(" (policies: {})", fmt::join(policies, "; "));
}

std::vector<std::string> default_folders() {
  std::error_code ec;
  SourceManager sources;
  DiagnosticSink diags;
  std::optional<fs::path> root = find_project_root(fs::current_path(ec));
  std::optional<Project> project;
  if (root) project = read_project(*root, sources, diags);
  if (!project) return {"golden"};
  return {display_path(project->root / project->golden)};
}

int run_golden(const TestOptions& options, CommandIo& io) {
  std::size_t passed = 0, failed = 0;
  std::set<std::string> policies;
  const std::vector<std::string> folders =
      options.folders.empty() ? default_folders() : options.folders;
  for (const std::string& folder : folders) {
    auto cases = find_golden_cases(folder);
    if (cases.empty()) {
      io.err << "policyc: error: no golden cases under '" << printable_text(folder) << "'\n";
      return kExitInvalid;
    }
    for (const auto& golden_case : cases) {
      policies.insert(case_policy(golden_case));
      GoldenOutcome outcome = run_golden_case(golden_case, options.update);
      for (const auto& file : outcome.updated) {
        io.out << "updated " << printable_text(file.string()) << "\n";
      }
      if (outcome.passed) {
        ++passed;
        continue;
      }
      ++failed;
      // Case names come from the file system: escaped, as every report escapes them.
      io.out << "FAIL " << printable_text(golden_case.string()) << "\n" << outcome.report;
    }
  }
  io.out << fmt::format("{} passed, {} failed{}\n", passed, failed, summary_policies(policies));
  return failed == 0 ? kExitOk : kExitInvalid;
}

}  // namespace

Command add_test_command(CLI::App& app) {
  auto options = std::make_shared<TestOptions>();
  CLI::App* command =
      app.add_subcommand("test", "run golden cases: compile each and compare exact bytes");
  command->add_option("DIR", options->folders,
                      "golden case folders (default: the project's golden folder, else golden)");
  command->add_flag("--update", options->update,
                    "rewrite the expected files from the current output");
  return {command, [options](CommandIo& io) { return run_golden(*options, io); }};
}

}  // namespace policyc
