// `policyc test`: golden cases.
#include <memory>

#include <fmt/format.h>

#include "compiler/cli.hpp"
#include "compiler/commands.hpp"
#include "compiler/golden.hpp"

namespace policyc {

namespace {

struct TestOptions {
  std::vector<std::string> folders{"golden"};
  bool update = false;
};

int run_golden(const TestOptions& options, CommandIo& io) {
  std::size_t passed = 0, failed = 0;
  for (const std::string& folder : options.folders) {
    auto cases = find_golden_cases(folder);
    if (cases.empty()) {
      io.err << "policyc: error: no golden cases under '" << folder << "'\n";
      return kExitInvalid;
    }
    for (const auto& golden_case : cases) {
      GoldenOutcome outcome = run_golden_case(golden_case, options.update);
      for (const auto& file : outcome.updated) io.out << "updated " << file.string() << "\n";
      if (outcome.passed) {
        ++passed;
        continue;
      }
      ++failed;
      io.out << "FAIL " << golden_case.string() << "\n" << outcome.report;
    }
  }
  io.out << fmt::format("{} passed, {} failed\n", passed, failed);
  return failed == 0 ? kExitOk : kExitInvalid;
}

}  // namespace

Command add_test_command(CLI::App& app) {
  auto options = std::make_shared<TestOptions>();
  CLI::App* command =
      app.add_subcommand("test", "run golden cases: compile each and compare exact bytes");
  command->add_option("DIR", options->folders, "golden case folders (default: golden)");
  command->add_flag("--update", options->update,
                    "rewrite the expected files from the current output");
  return {command, [options](CommandIo& io) { return run_golden(*options, io); }};
}

}  // namespace policyc
