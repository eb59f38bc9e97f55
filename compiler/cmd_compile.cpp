// `policyc compile` and `policyc summary`.
#include <memory>

#include "compiler/cli.hpp"
#include "compiler/commands.hpp"
#include "compiler/driver.hpp"
#include "runtime/atomic_write.hpp"

namespace policyc {

namespace {

struct CompileOptions {
  BottleOptions bottle;
  DiagnosticOptions diagnostics;
  std::string output;
};

std::optional<Compiled> compile_and_report(const CompileOptions& options, CommandIo& io) {
  SourceManager sources;
  DiagnosticSink diags;
  CompileRequest request{options.bottle.bottle, options.bottle.policy, options.bottle.params};
  std::optional<Compiled> compiled = compile_bottle(request, sources, diags);
  print_diagnostics(sources, diags, options.diagnostics, io.err);
  return compiled;
}

}  // namespace

Command add_compile_command(CLI::App& app) {
  auto options = std::make_shared<CompileOptions>();
  CLI::App* command = app.add_subcommand("compile", "print the pipelock config of a bottle");
  add_bottle_options(*command, options->bottle);
  command->add_option("-o,--output", options->output,
                      "write the config to FILE (mode 0600, atomically) instead of stdout");
  add_diagnostic_options(*command, options->diagnostics);
  return {command, [options](CommandIo& io) {
            std::optional<Compiled> compiled = compile_and_report(*options, io);
            if (!compiled) return int{kExitInvalid};
            if (options->output.empty()) {
              io.out << compiled->yaml;
              return int{kExitOk};
            }
            std::string error = write_file_atomically(options->output, compiled->yaml);
            if (error.empty()) return int{kExitOk};
            io.err << "policyc: error: " << error << "\n";
            return int{kExitInvalid};
          }};
}

Command add_summary_command(CLI::App& app) {
  auto options = std::make_shared<CompileOptions>();
  CLI::App* command =
      app.add_subcommand("summary", "print the one-line allowlist summary of a bottle");
  add_bottle_options(*command, options->bottle);
  add_diagnostic_options(*command, options->diagnostics);
  return {command, [options](CommandIo& io) {
            std::optional<Compiled> compiled = compile_and_report(*options, io);
            if (!compiled) return int{kExitInvalid};
            io.out << allowlist_summary(compiled->evaluation.output) << "\n";
            return int{kExitOk};
          }};
}

}  // namespace policyc
