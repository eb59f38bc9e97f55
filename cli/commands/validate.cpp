// `policyc validate FILE...`: checks existing pipelock configs (hand-written, or
// produced by another tool) against what pipelock 2.3.0 accepts when it loads them.
#include <fmt/format.h>

#include <memory>

#include "cli/cli.hpp"
#include "cli/commands.hpp"
#include "compiler/syntax/load.hpp"
#include "pipelock/validate/validate_config.hpp"

namespace policyc {

namespace {

struct ValidateOptions {
  std::vector<std::string> files;
  DiagnosticOptions diagnostics;
};

int run_validate(const ValidateOptions& options, CommandIo& io) {
  bool all_valid = true;
  for (const std::string& path : options.files) {
    SourceManager sources;
    DiagnosticSink diags;
    std::string error;
    std::optional<std::string> text = FileSystemSource().read(path, error);
    bool valid = false;
    if (!text) {
      diags.error("E0710", {}, fmt::format("cannot read pipelock config '{}': {}", path, error));
    } else {
      valid = validate_pipelock_config(sources, sources.add(path, std::move(*text)), diags);
    }
    print_diagnostics(sources, diags, options.diagnostics, io.err);
    if (valid) {
      const std::size_t warnings = diags.all().size();
      io.out << fmt::format("{}: valid pipelock 2.3.0 config{}\n", path,
                            warnings == 0   ? ""
                            : warnings == 1 ? " (1 warning)"
                                            : fmt::format(" ({} warnings)", warnings));
    }
    all_valid = all_valid && valid;
  }
  return all_valid ? kExitOk : kExitInvalid;
}

}  // namespace

Command add_validate_command(CLI::App& app) {
  auto options = std::make_shared<ValidateOptions>();
  CLI::App* command = app.add_subcommand(
      "validate", "check pipelock config files against what pipelock 2.3.0 accepts");
  command->add_option("FILE", options->files, "pipelock config (YAML)")
      ->required()
      ->check(non_empty_path());
  add_diagnostic_options(*command, options->diagnostics);
  command->footer(
      "Exit codes: 0 every file valid (warnings allowed), 1 a file pipelock would refuse or "
      "that cannot be read, 2 usage error.");
  return {command, [options](CommandIo& io) { return run_validate(*options, io); }};
}

}  // namespace policyc
