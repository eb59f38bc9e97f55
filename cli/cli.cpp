#include "cli/cli.hpp"

#include <algorithm>
#include <iterator>
#include <sstream>

#include <CLI/CLI.hpp>

#include "cli/commands.hpp"
#include "cli/completion.hpp"
#include "base/diagnostic.hpp"

namespace policyc {

namespace {

struct CommandEntry {
  const char* name;
  Command (*add)(CLI::App&);
  bool set_up_alone;  // false: the hidden `__complete`, which lists the other commands
};

// In `policyc --help` order.
constexpr CommandEntry kCommands[] = {
    {"compile", add_compile_command, true}, {"summary", add_summary_command, true},
    {"test", add_test_command, true},       {"validate", add_validate_command, true},
    {"explain", add_explain_command, true}, {"diff", add_diff_command, true},
    {"check", add_check_command, true},     {"fmt", add_fmt_command, true},
    {"migrate", add_migrate_command, true}, {"errors", add_errors_command, true},
    {"init", add_init_command, true},       {"lsp", add_lsp_command, true},
    {"__complete", add_complete_command, false},
};

// CLI11 would only say that a command is required.
int report_unknown_command(const std::string& word, std::ostream& err) {
  std::vector<std::string> names;
  for (const CommandEntry& command : kCommands) {
    if (command.set_up_alone) names.push_back(command.name);
  }
  const std::string close = closest_name(word, names);
  err << "policyc: error: unknown command '" << word << "'"
      << (close.empty() ? "" : "; did you mean '" + close + "'?")
      << "\nRun 'policyc --help' for usage.\n";
  return kExitUsage;
}

}  // namespace

// Only the command named first is set up when there is one: building every command's
// options was a tenth of a typical compile's start-up.
int run_cli(int argc, const char* const* argv, std::ostream& out, std::ostream& err) {
  const std::string first = argc > 1 ? argv[1] : "";
  const CommandEntry* given = std::find_if(std::begin(kCommands), std::end(kCommands),
                                           [&](const CommandEntry& c) { return first == c.name; });
  const bool known = given != std::end(kCommands);
  if (!known && !first.empty() && first[0] != '-') return report_unknown_command(first, err);

  CLI::App app{"policyc: compiles egress policies and a bottle manifest into a pipelock config"};
  app.set_version_flag("--version", std::string("policyc ") + POLICYC_VERSION);
  app.require_subcommand(1);
  app.footer(
      "Exit codes: 0 ok, 1 invalid policy, manifest or parameter, 2 usage error, 3 diff: the "
      "change lets more through.");
  const bool alone = known && given->set_up_alone;
  std::vector<Command> commands;
  for (const CommandEntry& command : kCommands) {
    if (!alone || &command == given) commands.push_back(command.add(app));
  }
  CommandIo io{out, err};
  // `__complete` takes the words of the line as data, not through CLI11, which would drop
  // a `--` typed first as its own separator (and never offer --help or --version for it).
  if (known && !given->set_up_alone) {
    out << complete_line(app, std::vector<std::string>(argv + 2, argv + argc));
    return kExitOk;
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp&) {
    out << app.help();  // the help of the command given, when one was
    return kExitOk;
  } catch (const CLI::CallForAllHelp&) {
    out << app.help("", CLI::AppFormatMode::All);
    return kExitOk;
  } catch (const CLI::CallForVersion&) {
    // CLI11 stops at --version, before it would see what else was given.
    if (argc > 2) {
      err << "policyc: error: --version takes no other arguments\nRun 'policyc --help' for "
             "usage.\n";
      return kExitUsage;
    }
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
