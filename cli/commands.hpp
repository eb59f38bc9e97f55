// Subcommands of the command line. Each lives in its own cli/commands/*.cpp and adds
// itself to the app; cli.cpp runs the one that was given.
#pragma once
#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "base/diagnostic.hpp"
#include "pipeline/driver.hpp"

namespace policyc {

struct CommandIo {
  std::ostream& out;
  std::ostream& err;
};

struct Command {
  CLI::App* app = nullptr;
  std::function<int(CommandIo&)> run;
};

/// Options every command that reads a bottle shares.
struct BottleOptions {
  std::string bottle;
  std::string policy;
  std::vector<std::string> params;
  bool verbose = false;  // --verbose: say which policy is used, on stderr
};

/// How diagnostics are printed: `--color`, `--diagnostics`.
struct DiagnosticOptions {
  std::string color = "auto";
  std::string format = "text";
};

/// `bottle_required` false: a command that has a form without a bottle (explain).
void add_bottle_options(CLI::App& command, BottleOptions& options, bool bottle_required = true);

/// Refuses an empty path at parsing (a usage error, exit 2): '' names no file, and
/// `-o ''` used to mean stdout while `-o x` meant a file.
const CLI::Validator& non_empty_path();

/// Delivers a command's result: to stdout when `output` is unset or `-`, otherwise
/// atomically to the file (write_file_atomically), refusing the bottle itself as the
/// output (same device and inode: also through a hard or symbolic link). Failures are
/// E0809 diagnostics. Returns the exit code.
int write_output(const std::string& output, const std::string& text, const std::string& bottle,
                 const DiagnosticOptions& diagnostics, CommandIo& io);

/// E0809 when `output` is the bottle `bottle` itself; "" otherwise (also for stdout).
std::string output_overwrites_bottle(const std::string& output, const std::string& bottle);
void add_diagnostic_options(CLI::App& command, DiagnosticOptions& options);

/// Whether diagnostics written to `stream` are colored: `--color`, NO_COLOR, a terminal.
bool use_color(const DiagnosticOptions& options, const std::ostream& stream);

/// In text, the first this many diagnostics are shown with their source lines, then a
/// count of the rest; JSON lines holds them all.
inline constexpr std::size_t kMaxShownDiagnostics = 100;
/// Prints the diagnostics of the run to `err`, in source order, as text or JSON lines; a
/// report repeated at one place is printed once.
void print_diagnostics(const SourceManager& sources, const DiagnosticSink& diags,
                       const DiagnosticOptions& options, std::ostream& err);

/// Compiles the bottle `options` name with the policy they choose (`--policy`, the
/// project, the shipped policies; see pipeline/project.hpp); with `--verbose`, first says
/// which on `io.err`. Diagnostics go to `diags`, not printed.
std::optional<Compiled> compile_for_command(const BottleOptions& options, SourceManager& sources,
                                            DiagnosticSink& diags, CommandIo& io);

Command add_compile_command(CLI::App& app);
Command add_summary_command(CLI::App& app);
Command add_test_command(CLI::App& app);
Command add_validate_command(CLI::App& app);  // cli/commands/validate.cpp
Command add_explain_command(CLI::App& app);   // cli/commands/explain.cpp
Command add_diff_command(CLI::App& app);      // cli/commands/diff.cpp
Command add_complete_command(CLI::App& app);  // cli/commands/complete.cpp
Command add_check_command(CLI::App& app);     // cli/commands/check.cpp
Command add_fmt_command(CLI::App& app);       // cli/commands/fmt.cpp
Command add_errors_command(CLI::App& app);    // cli/commands/errors.cpp
Command add_init_command(CLI::App& app);      // cli/commands/init.cpp
Command add_lsp_command(CLI::App& app);       // cli/commands/lsp.cpp
Command add_migrate_command(CLI::App& app);   // cli/commands/migrate.cpp

}  // namespace policyc
