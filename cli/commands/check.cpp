// `policyc check`: parses and type-checks policies without a manifest, then lints them.
#include <fmt/format.h>

#include <map>
#include <memory>
#include <set>
#include <tuple>

#include "compiler/check/check.hpp"
#include "cli/cli.hpp"
#include "cli/commands.hpp"
#include "pipeline/driver.hpp"
#include "compiler/lint/lint.hpp"
#include "compiler/lint/suppressions.hpp"
#include "compiler/syntax/load.hpp"
#include "cli/policy_paths.hpp"

namespace policyc {

namespace {

struct CheckOptions {
  std::vector<std::string> paths;
  bool strict = false;
  DiagnosticOptions diagnostics;
};

// Warnings that say a declaration is used nowhere; a file shared by several entry
// policies gets one only when every entry that loads the file agrees.
bool is_unused_warning(const std::string& code) {
  static const std::set<std::string> codes = {"W0601", "W0602", "W0603", "W0604",
                                              "W0605", "W0606", "W0612", "W0614"};
  return codes.count(code) > 0;
}

// The policies among `files` that no other one imports: each is checked with what it
// imports, so a directory of a policy and its imports is checked once, as a whole.
std::vector<std::string> entry_policies(const std::vector<std::string>& files) {
  if (files.size() < 2) return files;
  std::set<std::string> imported;
  for (const std::string& file : files) {
    SourceManager scratch_sources;
    DiagnosticSink scratch;
    for (const ast::PolicyFile& loaded :
         load_policies(file, FileSystemSource(), scratch_sources, scratch)) {
      const std::string& name = scratch_sources.file(loaded.file).name();
      if (name != file) imported.insert(name);
    }
  }
  std::vector<std::string> entries;
  for (const std::string& file : files) {
    if (!imported.count(file)) entries.push_back(file);
  }
  // Files that import each other in a cycle: check them anyway, to report the cycle.
  if (entries.empty()) entries = files;
  return entries;
}

using DiagnosticKey =
    std::tuple<std::string, std::uint32_t, std::uint32_t, std::string, std::string>;

struct Merged {
  std::vector<Diagnostic> diagnostics;
  std::map<DiagnosticKey, std::size_t> reports;  // how many entries reported it
  std::map<std::string, std::size_t> loads;      // how many entries loaded each file
};

void check_entry(const std::string& entry, SourceManager& sources, Merged& merged) {
  DiagnosticSink diags;
  const std::size_t first_file = sources.size();
  std::unique_ptr<ir::Program> program = load_program(entry, sources, diags);
  std::vector<FileId> files;
  for (std::size_t id = first_file; id < sources.size(); ++id) {
    files.push_back(static_cast<FileId>(id));
    ++merged.loads[sources.file(static_cast<FileId>(id)).name()];
  }
  if (program) {
    lint_program(*program, sources, diags);
    apply_suppressions(sources, files, diags);
  }
  for (const Diagnostic& d : diags.sorted()) {
    const std::string file = d.range.valid() ? sources.file(d.range.file).name() : "";
    DiagnosticKey key{file, d.range.begin, d.range.end, d.code, d.message};
    if (merged.reports[key]++ == 0) merged.diagnostics.push_back(d);
  }
}

std::string summary(std::size_t warnings, std::size_t errors) {
  auto count = [](std::size_t n, const char* what) {
    return fmt::format("{} {}{}", n, what, n == 1 ? "" : "s");
  };
  if (warnings && errors) {
    return fmt::format("{} and {} generated.\n", count(warnings, "warning"),
                       count(errors, "error"));
  }
  if (warnings) return count(warnings, "warning") + " generated.\n";
  if (errors) return count(errors, "error") + " generated.\n";
  return "";
}

int run_check(const CheckOptions& options, CommandIo& io) {
  SourceManager sources;
  DiagnosticSink found;
  Merged merged;
  if (options.paths.empty()) {
    // No paths: the policy of the project the current directory is in, else the shipped.
    DiagnosticSink diags;
    std::optional<PolicyChoice> choice = choose_policy("", "", sources, diags);
    const std::size_t first_policy_file = sources.size();  // after the project file
    std::unique_ptr<ir::Program> program = choice ? load_program(*choice, sources, diags) : nullptr;
    if (program) {
      std::vector<FileId> files;
      for (std::size_t id = first_policy_file; id < sources.size(); ++id) {
        files.push_back(static_cast<FileId>(id));
      }
      lint_program(*program, sources, diags);
      apply_suppressions(sources, files, diags);
    }
    merged.diagnostics = diags.all();
  } else {
    std::vector<std::string> files = collect_policy_files(options.paths, found);
    for (const std::string& entry : entry_policies(files)) check_entry(entry, sources, merged);
  }
  DiagnosticSink report;
  for (const Diagnostic& d : found.all()) report.error(d.code, d.range, d.message);
  std::size_t warnings = 0;
  for (const Diagnostic& d : merged.diagnostics) {
    const std::string file = d.range.valid() ? sources.file(d.range.file).name() : "";
    DiagnosticKey key{file, d.range.begin, d.range.end, d.code, d.message};
    if (!options.paths.empty() && is_unused_warning(d.code) &&
        merged.reports[key] < merged.loads[file]) {
      continue;
    }
    const bool as_error =
        d.severity == Severity::Error || (options.strict && d.severity == Severity::Warning);
    Diagnostic& copy = as_error ? report.error(d.code, d.range, d.message)
                                : report.warning(d.code, d.range, d.message);
    copy.notes = d.notes;
    copy.suggestion = d.suggestion;
    if (!as_error) ++warnings;
  }
  print_diagnostics(sources, report, options.diagnostics, io.err);
  if (options.diagnostics.format == "text") io.err << summary(warnings, report.error_count());
  return report.has_errors() ? kExitInvalid : kExitOk;
}

}  // namespace

Command add_check_command(CLI::App& app) {
  auto options = std::make_shared<CheckOptions>();
  CLI::App* command = app.add_subcommand(
      "check", "check policies without a manifest and warn about likely mistakes (lints)");
  command
      ->add_option("PATHS", options->paths,
                   "policy files or directories (their *.policy files; each file no other "
                   "one imports is checked with its imports); default: the shipped policies")
      ->check(non_empty_path());
  command->add_flag("--strict", options->strict, "treat warnings as errors (exit 1)");
  add_diagnostic_options(*command, options->diagnostics);
  return {command, [options](CommandIo& io) { return run_check(*options, io); }};
}

}  // namespace policyc
