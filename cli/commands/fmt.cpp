// `policyc fmt`: rewrites policy files in the canonical layout (compiler/format/format.hpp).
#include <fmt/format.h>

#include <iostream>
#include <memory>
#include <sstream>

#include "base/atomic_write.hpp"
#include "base/text_diff.hpp"
#include "cli/cli.hpp"
#include "cli/commands.hpp"
#include "cli/policy_paths.hpp"
#include "compiler/format/format.hpp"
#include "compiler/syntax/load.hpp"

namespace policyc {

namespace {

struct FmtOptions {
  std::vector<std::string> paths;
  bool check = false;
  bool diff = false;
  DiagnosticOptions diagnostics;
};

struct FirstDifference {
  SourceRange range;      // the line of the file
  std::string expected;   // what the formatter writes there
  bool past_end = false;  // the formatted text ends before this line
};

// The first line where `formatted` departs from the file.
FirstDifference first_difference(const SourceFile& file, FileId id, const std::string& formatted) {
  std::istringstream lines(formatted);
  std::string expected;
  unsigned line = 1;
  bool have_expected = false;
  for (; line <= file.line_count(); ++line) {
    have_expected = static_cast<bool>(std::getline(lines, expected));
    if (!have_expected || file.line_text(line) != expected) break;
  }
  if (line > file.line_count()) line = file.line_count();
  const std::uint32_t begin = file.line_start(line);
  return {{id, begin, begin + static_cast<std::uint32_t>(file.line_text(line).size())},
          have_expected ? expected : "",
          !have_expected};
}

// E0602 at the first line `policyc fmt` would change; `argument` is how to name the file to
// `policyc fmt` (its path, or `-` for standard input).
void report_unformatted(const SourceManager& sources, FileId id, const std::string& formatted,
                        const std::string& argument, DiagnosticSink& diags) {
  const FirstDifference at = first_difference(sources.file(id), id, formatted);
  Diagnostic& d = diags.error("E0602", at.range,
                              fmt::format("'{}' is not formatted; run 'policyc fmt {}'",
                                          sources.file(id).name(), argument));
  d.notes.push_back({{},
                     at.past_end           ? std::string("policyc fmt ends the file before it")
                     : at.expected.empty() ? std::string("policyc fmt writes an empty line here")
                                           : fmt::format("policyc fmt writes '{}'", at.expected)});
}


int run_fmt(const FmtOptions& options, CommandIo& io) {
  SourceManager sources;
  DiagnosticSink diags;
  if (options.paths.size() == 1 && options.paths.front() == "-") {
    std::ostringstream input;
    input << std::cin.rdbuf();
    FileId id = sources.add("<stdin>", input.str());
    std::optional<std::string> formatted = format_policy(sources, id, diags);
    const bool changes = formatted && *formatted != input.str();
    if (changes && options.check) report_unformatted(sources, id, *formatted, "-", diags);
    print_diagnostics(sources, diags, options.diagnostics, io.err);
    if (!formatted) return kExitInvalid;
    if (options.diff)
      io.out << unified_diff(input.str(), *formatted, "<stdin>", "<stdin> (formatted)");
    else if (!options.check)
      io.out << *formatted;
    return options.check && changes ? kExitInvalid : kExitOk;
  }
  bool would_change = false;
  std::vector<std::string> files = collect_policy_files(
      options.paths.empty() ? std::vector<std::string>{"."} : options.paths, diags);
  for (const std::string& path : files) {
    std::string error;
    std::optional<std::string> text = FileSystemSource().read(path, error);
    if (!text) {
      diags.error("E0103", {}, fmt::format("cannot read policy '{}': {}", path, error));
      continue;
    }
    FileId id = sources.add(path, *text);
    std::optional<std::string> formatted = format_policy(sources, id, diags);
    if (!formatted || *formatted == *text) continue;
    would_change = true;
    if (options.diff) io.out << unified_diff(*text, *formatted, path, path + " (formatted)");
    if (options.check) {
      report_unformatted(sources, id, *formatted, path, diags);
    } else if (!options.diff) {
      std::string failure = write_file_atomically(path, *formatted, FileAccess::LikeSourceFile);
      if (!failure.empty()) diags.error("E0603", {}, failure);
    }
  }
  print_diagnostics(sources, diags, options.diagnostics, io.err);
  if (diags.has_errors()) return kExitInvalid;
  return options.check && would_change ? kExitInvalid : kExitOk;
}

}  // namespace

Command add_fmt_command(CLI::App& app) {
  auto options = std::make_shared<FmtOptions>();
  CLI::App* command =
      app.add_subcommand("fmt", "rewrite policy files in the canonical layout, comments kept");
  command->add_option("PATHS", options->paths,
                      "policy files, directories (their *.policy files) or '-' for stdin to "
                      "stdout (default: the current directory)");
  command->add_flag("--check", options->check,
                    "change nothing; exit 1 when a file is not formatted");
  command->add_flag("--diff", options->diff,
                    "print what would change as a unified diff instead of rewriting");
  add_diagnostic_options(*command, options->diagnostics);
  return {command, [options](CommandIo& io) { return run_fmt(*options, io); }};
}

}  // namespace policyc
