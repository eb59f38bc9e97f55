// `policyc diff`: what a policy change does to a fleet of bottles, or what separates
// two compiled configs, with a verdict a CI gate can act on.
#include <fmt/format.h>

#include <algorithm>
#include <memory>

#include "cli/cli.hpp"
#include "cli/commands.hpp"
#include "pipeline/driver.hpp"
#include "compiler/syntax/load.hpp"
#include "pipelock/diff/config_diff_report.hpp"
#include "pipeline/symdiff/policy_diff.hpp"
#include "pipeline/symdiff/policy_diff_report.hpp"
#include "pipelock/validate/config_tree.hpp"
#include "pipelock/validate/validate_config.hpp"

namespace policyc {

namespace {

// Exit code for a change that widens what an agent can reach: CI asks for approval.
constexpr int kExitWider = 3;

struct DiffOptions {
  std::vector<std::string> files;
  std::string old_policy;
  std::string new_policy;
  std::vector<std::string> params;
  std::string format = "text";
  bool all_bottles = false;
  DiagnosticOptions diagnostics;
};

// The config of one bottle under one policy, read back as a tree; nullptr after
// printing (when `report`) why it could not be compiled.
std::unique_ptr<YamlNode> compile_tree(const std::string& bottle, const std::string& policy_dir,
                                       const DiffOptions& options, SourceManager& sources,
                                       CommandIo& io, bool report) {
  DiagnosticSink diags;
  CompileRequest request{bottle, policy_entry(policy_dir), options.params};
  std::optional<Compiled> compiled = compile_bottle(request, sources, diags);
  std::unique_ptr<YamlNode> tree;
  if (compiled) {
    const FileId file = sources.add(fmt::format("{} ({})", bottle, policy_dir), compiled->yaml);
    tree = load_config_tree(sources, file, diags);
  }
  if (report) print_diagnostics(sources, diags, options.diagnostics, io.err);
  return tree;
}

// A bottle only the new policy compiles (it uses a key the change introduces) could
// not run before and can now: everything it reaches is new, so it counts as wider, and
// the report lists what it reaches for the reviewer to approve: the wider changes of its
// config against an empty one (pipelock's defaults), its hosts first of all. What is
// narrower than the defaults (mode strict) and the format's `version` say nothing of it.
ConfigDiff newly_compiling(const YamlNode& config) {
  YamlNode nothing;
  nothing.kind = YamlNode::Kind::Mapping;
  ConfigDiff diff = diff_configs(nothing, config);
  diff.changes.erase(std::remove_if(diff.changes.begin(), diff.changes.end(),
                                    [](const ConfigChange& c) {
                                      return c.direction != ConfigChange::Direction::Wider ||
                                             c.path == "version";
                                    }),
                     diff.changes.end());
  diff.changes.insert(
      diff.changes.begin(),
      {ConfigChange::Kind::Added, "bottle", "", "compiles", false, ConfigChange::Direction::Wider,
       "only the new policy compiles it; the old one refuses it"});
  diff.verdict = Verdict::Wider;
  return diff;
}

// A config file, validated as pipelock would load it: a diff of a file pipelock
// refuses would rank changes it never sees.
std::unique_ptr<YamlNode> read_config(const std::string& path, SourceManager& sources,
                                      const DiffOptions& options, CommandIo& io) {
  DiagnosticSink diags;
  std::string error;
  std::unique_ptr<YamlNode> tree;
  std::optional<FileId> file;
  if (path == kStdioPath) {
    file = add_bottle_file(path, sources, diags);  // standard input, shown as <stdin>
  } else if (std::optional<std::string> text = FileSystemSource().read(path, error)) {
    file = sources.add(path, std::move(*text));
  }
  if (file) {
    DiagnosticSink checks;
    tree = load_config_tree(sources, *file, diags);
    if (tree) {
      check_config_structure(*tree, checks);
      if (tree->kind == YamlNode::Kind::Mapping) check_config_rules(*tree, checks);
    }
    for (const Diagnostic& d : checks.all()) {
      if (d.severity == Severity::Error) diags.error(d.code, d.range, d.message).notes = d.notes;
    }
  } else if (path != kStdioPath) {
    diags.error("E0710", {}, fmt::format("cannot read pipelock config '{}': {}", path, error));
  }
  print_diagnostics(sources, diags, options.diagnostics, io.err);
  return diags.has_errors() ? nullptr : std::move(tree);
}

// No bottles: the change over every bottle and parameter set of the small scope, each
// difference with a witness (pipeline/symdiff, docs/review.md).
int run_policy_diff(const DiffOptions& options, CommandIo& io) {
  LoadedPolicy policies[2];
  const std::string* paths[2] = {&options.old_policy, &options.new_policy};
  for (int i = 0; i < 2; ++i) {
    DiagnosticSink diags;
    policies[i].program = load_program(policy_entry(*paths[i]), policies[i].sources, diags);
    print_diagnostics(policies[i].sources, diags, options.diagnostics, io.err);
    if (!policies[i].program) return kExitInvalid;
  }
  const PolicyDiff diff = diff_policies(policies[0], policies[1]);
  io.out << (options.format == "json" ? policy_diff_json(diff) : policy_diff_text(diff));
  return diff.verdict == Verdict::Wider || diff.verdict == Verdict::Mixed ? kExitWider : kExitOk;
}

int run_diff(DiffOptions options, CommandIo& io) {
  const bool fleet = !options.old_policy.empty() || !options.new_policy.empty();
  if (fleet && (options.old_policy.empty() || options.new_policy.empty())) {
    io.err << "policyc: error: --old-policy and --new-policy go together\n";
    return kExitUsage;
  }
  if (!fleet && (options.files.size() != 2 || !options.params.empty())) {
    io.err << "policyc: error: give two configs (OLD.yaml NEW.yaml), or --old-policy PATH "
              "--new-policy PATH and the bottles\n";
    return kExitUsage;
  }
  if (options.all_bottles && (!fleet || !options.files.empty() || !options.params.empty())) {
    io.err << "policyc: error: --all-bottles takes --old-policy and --new-policy, and no "
              "bottles or --param\n";
    return kExitUsage;
  }
  if (options.all_bottles) return run_policy_diff(options, io);
  if (fleet && options.files.empty()) {
    // No bottles given: the fleet of the project the current directory is in.
    SourceManager sources;
    DiagnosticSink diags;
    std::optional<PolicyChoice> choice = choose_policy("", "", sources, diags);
    print_diagnostics(sources, diags, options.diagnostics, io.err);
    if (!choice) return kExitInvalid;
    if (choice->project) options.files = project_bottles(*choice->project);
    // Outside a project that lists its bottles: every bottle that could exist.
    if (options.files.empty()) return run_policy_diff(options, io);
  }
  // Standard input can be read once: one of the two configs, and no bottle of a fleet
  // (each is compiled twice).
  const auto stdin_count = std::count(options.files.begin(), options.files.end(), kStdioPath);
  if (stdin_count > (fleet ? 0 : 1)) {
    io.err << "policyc: error: "
           << (fleet ? "a bottle of a fleet cannot be standard input (-): each is compiled "
                       "under both policies"
                     : "only one of the two configs can be standard input (-)")
           << "\n";
    return kExitUsage;
  }
  std::vector<NamedDiff> diffs;
  bool failed = false;
  Verdict verdict = Verdict::Same;
  auto compare = [&](std::string name, const YamlNode* before, const YamlNode* after) {
    if (!before || !after) {
      failed = true;
      return;
    }
    diffs.push_back({std::move(name), diff_configs(*before, *after)});
    verdict = combine(verdict, diffs.back().diff.verdict);
  };
  if (fleet) {
    // The policies themselves first: a bottle the old policy refuses counts as newly
    // reachable below, which must never hide an old policy that does not load at all.
    for (const std::string& dir : {options.old_policy, options.new_policy}) {
      SourceManager sources;
      DiagnosticSink diags;
      const bool loaded = load_program(policy_entry(dir), sources, diags) != nullptr;
      print_diagnostics(sources, diags, options.diagnostics, io.err);
      if (!loaded) return kExitInvalid;
    }
    // One bottle that fails (its errors on stderr) does not hide the others: the
    // report lists it as failed, and the exit code is still 1.
    for (const std::string& bottle : options.files) {
      SourceManager old_sources, new_sources;
      auto before = compile_tree(bottle, options.old_policy, options, old_sources, io, false);
      auto after = compile_tree(bottle, options.new_policy, options, new_sources, io, true);
      if (!after) {
        failed = true;
        diffs.push_back({bottle, {}, true});
      } else if (!before) {
        diffs.push_back({bottle, newly_compiling(*after)});
        verdict = combine(verdict, Verdict::Wider);
      } else {
        compare(bottle, before.get(), after.get());
      }
    }
  } else {
    SourceManager sources;
    auto before = read_config(options.files[0], sources, options, io);
    auto after = read_config(options.files[1], sources, options, io);
    compare(options.files[0] + " -> " + options.files[1], before.get(), after.get());
  }
  if (failed && !fleet) return kExitInvalid;
  io.out << (options.format == "json" ? diff_json(diffs, verdict) : diff_text(diffs, verdict));
  if (failed) return kExitInvalid;
  return verdict == Verdict::Wider || verdict == Verdict::Mixed ? kExitWider : kExitOk;
}

}  // namespace

Command add_diff_command(CLI::App& app) {
  auto options = std::make_shared<DiffOptions>();
  CLI::App* command = app.add_subcommand(
      "diff", "semantic diff of pipelock configs; exit 3 when the change widens what gets through");
  command
      ->add_option("FILES", options->files,
                   "OLD.yaml NEW.yaml (one of them - for stdin), or with --old-policy/--new-policy "
                   "the bottles (default: the project's bottles: globs)")
      ->check(non_empty_path());
  command
      ->add_option("--old-policy", options->old_policy,
                   "the old entry policy file, or a folder whose pipelock.policy is the entry")
      ->type_name("PATH")
      ->check(non_empty_path());
  command
      ->add_option("--new-policy", options->new_policy,
                   "the new entry policy file, or a folder whose pipelock.policy is the entry")
      ->type_name("PATH")
      ->check(non_empty_path());
  command
      ->add_option("--param", options->params,
                   "launch parameter NAME=VALUE for every bottle, under both policies")
      ->type_name("NAME=VALUE");
  command->add_flag("--all-bottles", options->all_bottles,
                    "with --old-policy/--new-policy: every bottle and parameter set that could "
                    "exist (a small scope, each difference with a witness), not the project's "
                    "bottles");
  command->add_option("--format", options->format, "text (default) or json")
      ->check(CLI::IsMember({"text", "json"}));
  add_diagnostic_options(*command, options->diagnostics);
  command->footer(
      "Exit codes: 0 same or narrower, 3 wider or mixed, 1 invalid input, 2 usage error.");
  return {command, [options](CommandIo& io) { return run_diff(*options, io); }};
}

}  // namespace policyc
