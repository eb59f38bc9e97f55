#include <fmt/format.h>
#include <unistd.h>

#include <cstdlib>
#include <iostream>

#include "cli/cli.hpp"
#include "cli/commands.hpp"
#include "base/diagnostic_json.hpp"
#include "pipeline/driver.hpp"
#include "base/atomic_write.hpp"

namespace policyc {

namespace {

// Only the process's own stderr or stdout can be a terminal; a string stream never is.
bool is_terminal(const std::ostream& stream) {
  if (&stream == &std::cerr || &stream == &std::clog) return ::isatty(STDERR_FILENO) == 1;
  if (&stream == &std::cout) return ::isatty(STDOUT_FILENO) == 1;
  return false;
}

}  // namespace

const CLI::Validator& non_empty_path() {
  static const CLI::Validator validator(
      [](const std::string& path) {
        return path.empty() ? std::string("an empty path names no file") : std::string();
      },
      "");
  return validator;
}

void add_bottle_options(CLI::App& command, BottleOptions& options, bool bottle_required) {
  command
      .add_option("BOTTLE", options.bottle,
                  "bottle manifest: YAML, or Markdown with YAML front matter; - reads stdin")
      ->required(bottle_required)
      ->check(non_empty_path());
  command
      .add_option("--policy", options.policy,
                  "entry policy file (default: the policy of the project the bottle or the "
                  "current directory is in, else the shipped policies/pipelock.policy)")
      ->check(non_empty_path());
  command
      .add_option("--param", options.params,
                  "launch parameter NAME=VALUE; repeat for each value of a list")
      ->type_name("NAME=VALUE");
  command.add_flag("--verbose", options.verbose, "say which policy is used, on stderr");
}

std::optional<Compiled> compile_for_command(const BottleOptions& options, SourceManager& sources,
                                            DiagnosticSink& diags, CommandIo& io) {
  std::optional<PolicyChoice> choice = choose_policy(options.policy, options.bottle, sources, diags);
  if (!choice) return std::nullopt;
  if (options.verbose) io.err << "policyc: policy: " << describe_policy(*choice) << "\n";
  CompileRequest request{options.bottle, "", options.params, std::move(choice)};
  return compile_bottle(request, sources, diags);
}

std::string output_overwrites_bottle(const std::string& output, const std::string& bottle) {
  if (output == kStdioPath || bottle == kStdioPath || !same_file(output, bottle)) return "";
  return fmt::format(
      "cannot write '{}': it is the bottle '{}' being compiled; choose another "
      "output file",
      output, bottle);
}

int write_output(const std::string& output, const std::string& text, const std::string& bottle,
                 const DiagnosticOptions& diagnostics, CommandIo& io) {
  if (output.empty() || output == kStdioPath) {
    io.out << text;
    return kExitOk;
  }
  // A link is refused as a link first, whatever it points to; then the bottle itself.
  struct stat existing {};
  bool exists = false;
  std::string error = target_problem(output, existing, exists);
  if (error.empty()) error = output_overwrites_bottle(output, bottle);
  if (error.empty()) error = write_file_atomically(output, text);
  if (error.empty()) return kExitOk;
  SourceManager sources;
  DiagnosticSink diags;
  diags.error("E0809", {}, error);
  print_diagnostics(sources, diags, diagnostics, io.err);
  return kExitInvalid;
}

void add_diagnostic_options(CLI::App& command, DiagnosticOptions& options) {
  command
      .add_option("--color", options.color,
                  "color: auto (on a terminal, unless NO_COLOR is set), always or never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  command
      .add_option("--diagnostics", options.format,
                  "diagnostics as text, or json (one object per line)")
      ->check(CLI::IsMember({"text", "json"}));
}

bool use_color(const DiagnosticOptions& options, const std::ostream& stream) {
  if (options.color == "always") return true;
  if (options.color == "never") return false;
  const char* no_color = std::getenv("NO_COLOR");  // https://no-color.org: set and non-empty
  if (no_color && *no_color) return false;
  return is_terminal(stream);
}

namespace {

// The same report twice at one place says nothing new (a YAML node copied by an alias
// is reported once per copy).
bool same_report(const Diagnostic& a, const Diagnostic& b) {
  return a.code == b.code && a.range.file == b.range.file && a.range.begin == b.range.begin &&
         a.range.end == b.range.end && a.message == b.message;
}

}  // namespace

void print_diagnostics(const SourceManager& sources, const DiagnosticSink& diags,
                       const DiagnosticOptions& options, std::ostream& err) {
  const std::vector<Diagnostic> sorted = diags.sorted();
  const Diagnostic* previous = nullptr;
  std::size_t shown = 0, not_shown = 0;
  RenderOptions render_options;
  render_options.color = use_color(options, err);
  for (const Diagnostic& d : sorted) {
    if (previous && same_report(*previous, d)) continue;
    previous = &d;
    if (options.format == "json") {
      err << render_json(d, sources);
    } else if (shown < kMaxShownDiagnostics) {
      // Each one shows its source line: a bottle of a million errors must not take
      // minutes to report, and the first ones are the ones to fix.
      err << render(d, sources, render_options);
      ++shown;
    } else {
      ++not_shown;
    }
  }
  if (not_shown) {
    err << fmt::format("policyc: {} more diagnostics not shown; fix the ones above first, or "
                       "see them all with --diagnostics=json\n",
                       not_shown);
  }
}

}  // namespace policyc
