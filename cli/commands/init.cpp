// `policyc init [DIR]`: a new policy project in an empty (or new) folder: the shipped
// policies as files to edit, a golden case whose expected output comes from compiling
// it, and the policyc.yaml that marks the folder, so `cd DIR && policyc test` passes.
#include <fmt/format.h>

#include <filesystem>
#include <memory>

#include "base/atomic_write.hpp"
#include "cli/cli.hpp"
#include "cli/commands.hpp"
#include "cli/golden.hpp"
#include "compiler/syntax/embedded_policies.hpp"
#include "pipeline/project.hpp"

namespace policyc {

namespace {

namespace fs = std::filesystem;

constexpr const char* kProjectText =
    "# A policyc project: commands run in this folder, or on a bottle in it, use this\n"
    "# policy instead of the one built into policyc (see `policyc --help`).\n"
    "policy: policies/pipelock.policy\n"
    "golden: golden\n"
    "bottles:\n"
    "  - golden/*/bottle.yaml\n";

constexpr const char* kExampleBottle =
    "# An example bottle; `policyc test --update` rewrites expected.yaml after a policy edit.\n"
    "egress:\n"
    "  allowlist:\n"
    "    - pypi.org\n"
    "    - files.pythonhosted.org\n";

constexpr const char* kExampleCase = "golden/example";

struct InitOptions {
  std::string folder = ".";
};

int run_init(const InitOptions& options, CommandIo& io) {
  const fs::path root(options.folder);
  std::error_code ec;
  if (fs::exists(fs::symlink_status(root, ec)) &&
      (!fs::is_directory(root, ec) || !fs::is_empty(root, ec))) {
    io.err << fmt::format(
        "policyc: error: '{}' is not an empty folder; init writes a project only into an "
        "empty or new folder\n",
        options.folder);
    return kExitInvalid;
  }
  std::vector<std::pair<std::string, std::string>> files{{kProjectFile, kProjectText}};
  for (const EmbeddedPolicy& policy : embedded_policies()) {
    files.emplace_back(std::string(policy.name), std::string(policy.text));
  }
  files.emplace_back(std::string(kExampleCase) + "/bottle.yaml", kExampleBottle);
  for (const auto& [name, text] : files) {
    const fs::path path = root / name;
    fs::create_directories(path.parent_path(), ec);
    std::string error = write_file_atomically(path.string(), text, FileAccess::LikeSourceFile);
    if (!error.empty()) {
      io.err << "policyc: error: " << error << "\n";
      return kExitInvalid;
    }
    io.out << "wrote " << path.string() << "\n";
  }
  // The expected output is what this policyc makes of the example: the case passes now.
  GoldenOutcome outcome = run_golden_case(root / kExampleCase, true);
  for (const fs::path& file : outcome.updated) io.out << "wrote " << file.string() << "\n";
  if (!outcome.passed) {
    io.err << "policyc: error: " << outcome.report;
    return kExitInvalid;
  }
  io.out << fmt::format("next: cd {} && policyc test\n", options.folder);
  return kExitOk;
}

}  // namespace

Command add_init_command(CLI::App& app) {
  auto options = std::make_shared<InitOptions>();
  CLI::App* command = app.add_subcommand(
      "init", "write a new policy project (policies, a golden case, policyc.yaml) into DIR");
  command->add_option("DIR", options->folder, "an empty or new folder (default: .)");
  return {command, [options](CommandIo& io) { return run_init(*options, io); }};
}

}  // namespace policyc
