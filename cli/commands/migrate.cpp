// `policyc migrate BOTTLE... [--write]`: renames the keys a bottle still writes under an
// old name (the policy's `renamed OLD -> NEW`, W0330) by editing the key's characters
// only, so comments, quoting and layout stay as written.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <memory>

#include "base/atomic_write.hpp"
#include "base/source_excerpt.hpp"
#include "base/text_diff.hpp"
#include "cli/cli.hpp"
#include "cli/commands.hpp"
#include "pipeline/driver.hpp"

namespace policyc {

namespace {

struct MigrateOptions {
  std::vector<std::string> bottles;
  std::string policy;
  bool write = false;
  DiagnosticOptions diagnostics;
};

// One policy per project: bottles of one project share the loaded program.
class Policies {
 public:
  Policies(const std::string& option, SourceManager& sources)
      : option_(option), sources_(sources) {}

  const ir::Program* for_bottle(const std::string& bottle, DiagnosticSink& diags) {
    std::optional<PolicyChoice> choice = choose_policy(option_, bottle, sources_, diags);
    if (!choice) return nullptr;
    const std::string key = describe_policy(*choice);
    auto it = loaded_.find(key);
    if (it == loaded_.end()) it = loaded_.emplace(key, load_program(*choice, sources_, diags)).first;
    return it->second.get();
  }

 private:
  const std::string& option_;
  SourceManager& sources_;
  std::map<std::string, std::unique_ptr<ir::Program>> loaded_;
};

enum class Outcome { Unchanged, Pending, Written, Failed };

// Reads one bottle and makes its renames: shown as a diff, or written with --write.
// Diagnostics with a fix are the changes themselves and are not printed; a bottle with
// any error is left alone.
Outcome migrate_bottle(const std::string& path, const MigrateOptions& options,
                       Policies& policies, SourceManager& sources, CommandIo& io) {
  auto refuse = [&](const std::string& reason) {
    DiagnosticSink refused;
    refused.error("E0317", {}, reason);
    print_diagnostics(sources, refused, options.diagnostics, io.err);
    return Outcome::Failed;
  };
  if (options.write && path != kStdioPath) {
    // Refused before reading, as `-o` refuses its target: a FIFO would block the read.
    struct stat existing {};
    bool exists = false;
    const std::string problem = target_problem(path, existing, exists);
    if (!problem.empty()) return refuse(problem);
  }
  DiagnosticSink diags, shown;
  std::vector<TextEdit> edits;
  const ir::Program* program = policies.for_bottle(path, diags);
  std::optional<FileId> bottle;
  if (program) bottle = add_bottle_file(path, sources, diags);
  if (bottle) read_bottle(*program, *bottle, sources, diags);
  for (const Diagnostic& d : diags.all()) {
    if (d.fixes.empty() || !bottle || d.range.file != *bottle) {
      shown.add(d);
      continue;
    }
    edits.insert(edits.end(), d.fixes.begin(), d.fixes.end());
  }
  print_diagnostics(sources, shown, options.diagnostics, io.err);
  if (diags.has_errors()) return Outcome::Failed;
  if (edits.empty()) return Outcome::Unchanged;
  // A key inside an anchored mapping is read once per alias: one edit.
  std::sort(edits.begin(), edits.end(), [](const TextEdit& a, const TextEdit& b) {
    return a.range.begin < b.range.begin;
  });
  edits.erase(std::unique(edits.begin(), edits.end(),
                          [](const TextEdit& a, const TextEdit& b) {
                            return a.range.begin == b.range.begin && a.range.end == b.range.end;
                          }),
              edits.end());
  const SourceFile& file = sources.file(*bottle);
  const std::string migrated = apply_text_edits(file.text(), edits);
  if (path == kStdioPath) {
    io.out << (options.write ? migrated
                             : unified_diff(std::string(file.text()), migrated, file.name(),
                                            file.name() + " (migrated)"));
    return options.write ? Outcome::Written : Outcome::Pending;
  }
  if (!options.write) {
    io.out << unified_diff(std::string(file.text()), migrated, path, path + " (migrated)");
    return Outcome::Pending;
  }
  const std::string failure = write_file_atomically(path, migrated, FileAccess::LikeSourceFile);
  if (!failure.empty()) return refuse(failure);
  for (const TextEdit& edit : edits) {
    io.out << printable_text(fmt::format("{}: renamed '{}' to '{}'", sources.location(edit.range),
                                         sources.text(edit.range), edit.text))
           << "\n";
  }
  return Outcome::Written;
}

int run_migrate(const MigrateOptions& options, CommandIo& io) {
  SourceManager sources;
  Policies policies(options.policy, sources);
  bool failed = false, pending = false;
  for (const std::string& path : options.bottles) {
    const Outcome outcome = migrate_bottle(path, options, policies, sources, io);
    failed = failed || outcome == Outcome::Failed;
    pending = pending || outcome == Outcome::Pending;
  }
  return failed || pending ? kExitInvalid : kExitOk;
}

}  // namespace

Command add_migrate_command(CLI::App& app) {
  auto options = std::make_shared<MigrateOptions>();
  CLI::App* command = app.add_subcommand(
      "migrate", "rename the keys bottles still write under an old name, comments kept");
  command
      ->add_option("BOTTLES", options->bottles,
                   "bottle manifests: YAML, or Markdown with YAML front matter; - reads stdin "
                   "(and with --write prints the migrated bottle)")
      ->required()
      ->check(non_empty_path());
  command
      ->add_option("--policy", options->policy,
                   "entry policy file (default: the policy of the project each bottle is in, "
                   "else the shipped policies/pipelock.policy)")
      ->check(non_empty_path());
  command->add_flag("--write", options->write,
                    "rewrite the bottles (atomically, keeping their mode) instead of printing "
                    "a unified diff");
  add_diagnostic_options(*command, options->diagnostics);
  command->footer(
      "Exit codes: 0 nothing to rename or all renamed, 1 keys left to rename (without --write, "
      "like fmt --check) or an invalid policy or bottle, 2 usage error.");
  return {command, [options](CommandIo& io) { return run_migrate(*options, io); }};
}

}  // namespace policyc
