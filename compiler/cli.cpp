#include "compiler/cli.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "compiler/driver.hpp"
#include "compiler/golden.hpp"
#include "runtime/atomic_write.hpp"

namespace policyc {

namespace {

struct Options {
  std::string bottle;
  std::string policy;
  std::vector<std::string> params;
  std::string output;
  std::string color = "auto";
};

void print_diagnostics(const SourceManager& sources, const DiagnosticSink& diags,
                       const Options& options, std::ostream& err) {
  RenderOptions render_options;
  render_options.color = options.color == "always";
  for (const Diagnostic& d : diags.sorted()) err << render(d, sources, render_options);
}

void add_common_options(CLI::App& command, Options& options) {
  command.add_option("BOTTLE", options.bottle, "bottle manifest: YAML, or Markdown with YAML front matter")
      ->required();
  command.add_option("--policy", options.policy,
                     "entry policy file (default: the shipped policies/pipelock.policy)");
  command.add_option("--param", options.params,
                     "launch parameter NAME=VALUE; repeat for each value of a list")
      ->type_name("NAME=VALUE");
  command.add_option("--color", options.color, "color diagnostics: auto, always or never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
}

int run_compile(const Options& options, bool summary_only, std::ostream& out, std::ostream& err) {
  SourceManager sources;
  DiagnosticSink diags;
  CompileRequest request{options.bottle, options.policy, options.params};
  std::optional<Compiled> compiled = compile_bottle(request, sources, diags);
  print_diagnostics(sources, diags, options, err);
  if (!compiled) return kExitInvalid;
  if (summary_only) {
    out << allowlist_summary(compiled->evaluation.output) << "\n";
    return kExitOk;
  }
  if (options.output.empty()) {
    out << compiled->yaml;
    return kExitOk;
  }
  std::string error = write_file_atomically(options.output, compiled->yaml);
  if (!error.empty()) {
    err << "policyc: error: " << error << "\n";
    return kExitInvalid;
  }
  return kExitOk;
}

int run_golden(const std::vector<std::string>& folders, bool update, std::ostream& out,
               std::ostream& err) {
  std::size_t passed = 0, failed = 0;
  for (const std::string& folder : folders) {
    auto cases = find_golden_cases(folder);
    if (cases.empty()) {
      err << "policyc: error: no golden cases under '" << folder << "'\n";
      return kExitInvalid;
    }
    for (const auto& golden_case : cases) {
      GoldenOutcome outcome = run_golden_case(golden_case, update);
      if (outcome.passed) {
        ++passed;
        continue;
      }
      ++failed;
      out << "FAIL " << golden_case.string() << "\n" << outcome.report;
    }
  }
  out << fmt::format("{} passed, {} failed\n", passed, failed);
  return failed == 0 ? kExitOk : kExitInvalid;
}

}  // namespace

int run_cli(int argc, const char* const* argv, std::ostream& out, std::ostream& err) {
  CLI::App app{"policyc: compiles egress policies and a bottle manifest into a pipelock config"};
  app.set_version_flag("--version", std::string("policyc ") + POLICYC_VERSION);
  app.require_subcommand(1);
  app.footer("Exit codes: 0 ok, 1 invalid policy, manifest or parameter, 2 usage error.");

  Options options;
  CLI::App* compile = app.add_subcommand("compile", "print the pipelock config of a bottle");
  add_common_options(*compile, options);
  compile->add_option("-o,--output", options.output,
                      "write the config to FILE (mode 0600, atomically) instead of stdout");
  CLI::App* summary = app.add_subcommand("summary", "print the one-line allowlist summary of a bottle");
  add_common_options(*summary, options);
  std::vector<std::string> golden_folders{"golden"};
  bool update = false;
  CLI::App* test = app.add_subcommand("test", "run golden cases: compile each and compare exact bytes");
  test->add_option("DIR", golden_folders, "golden case folders (default: golden)");
  test->add_flag("--update", update, "rewrite the expected files from the current output");

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp&) {
    out << app.help();
    return kExitOk;
  } catch (const CLI::CallForAllHelp&) {
    out << app.help("", CLI::AppFormatMode::All);
    return kExitOk;
  } catch (const CLI::CallForVersion&) {
    out << "policyc " << POLICYC_VERSION << "\n";
    return kExitOk;
  } catch (const CLI::ParseError& e) {
    // A subcommand's --help arrives here too, as a success.
    if (e.get_exit_code() == 0) {
      CLI::App* target = compile->parsed()   ? compile
                         : summary->parsed() ? summary
                         : test->parsed()    ? test
                                             : &app;
      out << target->help();
      return kExitOk;
    }
    err << "policyc: error: " << e.what() << "\nRun 'policyc --help' for usage.\n";
    return kExitUsage;
  }
  if (test->parsed()) return run_golden(golden_folders, update, out, err);
  return run_compile(options, summary->parsed(), out, err);
}

}  // namespace policyc
