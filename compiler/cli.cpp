#include "compiler/cli.hpp"

#include <sstream>

#include <CLI/CLI.hpp>

#include "compiler/commands.hpp"

namespace policyc {

int run_cli(int argc, const char* const* argv, std::ostream& out, std::ostream& err) {
  CLI::App app{"policyc: compiles egress policies and a bottle manifest into a pipelock config"};
  app.set_version_flag("--version", std::string("policyc ") + POLICYC_VERSION);
  app.require_subcommand(1);
  app.footer("Exit codes: 0 ok, 1 invalid policy, manifest or parameter, 2 usage error.");
  const std::vector<Command> commands = {
      add_compile_command(app),
      add_summary_command(app),
      add_test_command(app),
      add_validate_command(app),
      add_explain_command(app),
      add_diff_command(app),
      add_check_command(app),
      add_fmt_command(app),
      add_errors_command(app),
      add_complete_command(app),  // hidden: shell completion
  };
  CommandIo io{out, err};
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp&) {
    out << app.help();  // the help of the command given, when one was
    return kExitOk;
  } catch (const CLI::CallForAllHelp&) {
    out << app.help("", CLI::AppFormatMode::All);
    return kExitOk;
  } catch (const CLI::CallForVersion&) {
    out << "policyc " << POLICYC_VERSION << "\n";
    return kExitOk;
  } catch (const CLI::ParseError& e) {
    err << "policyc: error: " << e.what() << "\nRun 'policyc --help' for usage.\n";
    return kExitUsage;
  }
  for (const Command& command : commands) {
    if (command.app->parsed()) return command.run(io);
  }
  return kExitUsage;
}

CliRun run_cli_captured(const std::vector<std::string>& args) {
  std::vector<const char*> argv{"policyc"};
  for (const std::string& arg : args) argv.push_back(arg.c_str());
  std::ostringstream out, err;
  CliRun run;
  run.code = run_cli(static_cast<int>(argv.size()), argv.data(), out, err);
  run.out = out.str();
  run.err = err.str();
  return run;
}

}  // namespace policyc
