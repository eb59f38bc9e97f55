// `policyc compile` and `policyc summary`.
#include <memory>

#include "cli/annotated_compile.hpp"
#include "cli/batch/batch_compile.hpp"
#include "cli/cli.hpp"
#include "cli/commands.hpp"
#include "pipeline/driver.hpp"
#include "pipeline/free_at_exit.hpp"
#include "cli/output_format.hpp"

namespace policyc {

namespace {

struct CompileOptions {
  BottleOptions bottle;
  DiagnosticOptions diagnostics;
  std::string output;
  std::string format = "yaml";  // --format
  bool annotate = false;        // --annotate
  std::string out_dir;                    // --out-dir: batch mode (cli/batch/batch_compile.cpp)
  std::vector<std::string> more_bottles;  // with --out-dir
};

std::optional<Compiled> compile_and_report(const CompileOptions& options, CommandIo& io) {
  SourceManager sources;
  DiagnosticSink diags;
  std::optional<Compiled> compiled = compile_for_command(options.bottle, sources, diags, io);
  print_diagnostics(sources, diags, options.diagnostics, io.err);
  return compiled;
}

}  // namespace

Command add_compile_command(CLI::App& app) {
  auto options = std::make_shared<CompileOptions>();
  CLI::App* command = app.add_subcommand("compile", "print the pipelock config of a bottle");
  add_bottle_options(*command, options->bottle);
  command
      ->add_option("-o,--output", options->output,
                   "write the config to FILE (mode 0600, atomically; only over a regular file) "
                   "instead of stdout; - is stdout")
      ->check(non_empty_path());
  command
      ->add_option("MORE_BOTTLES", options->more_bottles,
                   "with --out-dir: more bottles, or folders of bottles")
      ->check(non_empty_path());
  command
      ->add_option("--out-dir", options->out_dir,
                   "compile every bottle (or folder of *.yaml, *.yml, *.md) in parallel, each "
                   "into DIR/<name>.<format> (mode 0600, atomically)")
      ->type_name("DIR")
      ->check(non_empty_path());
  add_format_option(*command, options->format);
  command->add_flag("--annotate", options->annotate,
                    "add a comment to each line naming the rule and manifest key behind it");
  add_diagnostic_options(*command, options->diagnostics);
  return {command, [options](CommandIo& io) {
            if (!options->out_dir.empty() || !options->more_bottles.empty()) {
              return run_compile_batch({options->bottle, options->more_bottles, options->out_dir,
                                        options->output, options->format, options->annotate,
                                        options->diagnostics},
                                       io);
            }
            if (options->annotate && options->format != "yaml") {
              io.err << "policyc: error: --annotate applies to --format yaml only\n";
              return int{kExitUsage};
            }
            if (options->annotate) {
              return run_annotated_compile(options->bottle, options->diagnostics, options->output,
                                           io);
            }
            std::optional<Compiled> compiled = compile_and_report(*options, io);
            FreeAtExit free_at_exit(compiled);
            if (!compiled) return int{kExitInvalid};
            return write_output(options->output, config_text(*compiled, options->format),
                                options->bottle.bottle, options->diagnostics, io);
          }};
}

Command add_summary_command(CLI::App& app) {
  auto options = std::make_shared<CompileOptions>();
  CLI::App* command =
      app.add_subcommand("summary", "print the one-line allowlist summary of a bottle");
  add_bottle_options(*command, options->bottle);
  add_format_option(*command, options->format, {"text", "json"});
  add_diagnostic_options(*command, options->diagnostics);
  return {command, [options](CommandIo& io) {
            std::optional<Compiled> compiled = compile_and_report(*options, io);
            if (!compiled) return int{kExitInvalid};
            io.out << summary_text(*compiled, options->format);
            return int{kExitOk};
          }};
}

}  // namespace policyc
