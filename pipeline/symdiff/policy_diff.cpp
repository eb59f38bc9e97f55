#include "pipeline/symdiff/policy_diff.hpp"

#include <fmt/format.h>

#include <map>
#include <optional>

#include "pipeline/driver.hpp"
#include "pipeline/symdiff/bottle_space.hpp"
#include "pipelock/emit/output_tree.hpp"
#include "runtime/provenance/provenance_view.hpp"
#include "runtime/input/params_reader.hpp"

namespace policyc {

namespace {

// One candidate compiled under one policy: the config and the evaluation it came
// from, or the first error that refused it.
struct Outcome {
  SourceManager sources;
  std::optional<Compiled> compiled;
  std::string error;
};

Outcome compile_candidate(const LoadedPolicy& policy, const Candidate& candidate) {
  Outcome out{policy.sources, std::nullopt, ""};
  DiagnosticSink diags;
  const FileId bottle = out.sources.add("witness.yaml", candidate.bottle_yaml());
  const std::vector<SourceRange> given = add_command_line_source(out.sources, candidate.params());
  const Value params = read_params(given, *policy.program->params, out.sources, diags);
  if (!diags.has_errors()) {
    out.compiled = compile_prepared(*policy.program, params, bottle, out.sources, diags);
  }
  for (const Diagnostic& d : diags.all()) {
    if (d.severity == Severity::Error) {
      out.error = fmt::format("{}: {}", d.code, d.message);
      break;
    }
  }
  if (!out.compiled && out.error.empty()) out.error = "refused";
  return out;
}

// Why each side has (or lacks) the changed value, in the policy's words. A side without
// it names its rule that would have added it, so a filter or condition added shows.
void explain_sides(PolicyChange& c, const LoadedPolicy& old_policy, const Outcome& before,
                   const LoadedPolicy& new_policy, const Outcome& after) {
  const ConfigChange& change = c.change;
  const std::string value = change.new_value.empty() ? change.old_value : change.new_value;
  if (before.compiled) {
    c.old_reason = reason_for(*old_policy.program, before.sources, before.compiled->evaluation.output,
                              manifest_file_of(before.compiled->manifest), change.path, value);
  }
  if (after.compiled) {
    c.new_reason = reason_for(*new_policy.program, after.sources, after.compiled->evaluation.output,
                              manifest_file_of(after.compiled->manifest), change.path, value);
  }
  // A value one side's rule added and the other side lacks: the other side's rule of the
  // same name shows the condition or filter that kept it out.
  const bool added = change.kind == ConfigChange::Kind::Added;
  const bool removed = change.kind == ConfigChange::Kind::Removed;
  if ((added || c.old_reason.rule.empty()) && !c.new_reason.rule_name.empty() && !removed) {
    c.old_reason = counterpart(*old_policy.program, before.sources, c.new_reason, value);
  } else if ((removed || c.new_reason.rule.empty()) && !c.old_reason.rule_name.empty() && !added) {
    c.new_reason = counterpart(*new_policy.program, after.sources, c.old_reason, value);
  } else if (c.old_reason.rule.empty() && !c.new_reason.rule.empty()) {
    c.old_reason = counterpart(*old_policy.program, before.sources, c.new_reason, value);
  } else if (c.new_reason.rule.empty() && !c.old_reason.rule.empty()) {
    c.new_reason = counterpart(*new_policy.program, after.sources, c.old_reason, value);
  }
}

// A candidate one policy compiles and the other refuses: the bottle itself changed.
ConfigChange compile_change(const Outcome& before, const Outcome& after) {
  if (after.compiled) {
    return {ConfigChange::Kind::Added, "bottle", "", "compiles", false,
            ConfigChange::Direction::Wider,
            "only the new policy compiles it; the old one refuses it (" + before.error + ")"};
  }
  return {ConfigChange::Kind::Removed, "bottle", "compiles", "", false,
          ConfigChange::Direction::Narrower,
          "the new policy refuses it (" + after.error + ")"};
}

// A refusal is one entry per error, not one per bottle that meets it.
std::string change_key(const ConfigChange& c) {
  return fmt::format("{}\x1f{}\x1f{}\x1f{}\x1f{}", c.path, c.old_value, c.new_value,
                     static_cast<int>(c.kind), c.path == "bottle" ? c.note : "");
}

// Changes to values read from one bottle field, through the same rules, are one change:
// the key of that group, or "" for a value the policy wrote.
std::string same_field_key(const PolicyChange& c) {
  const std::string& from = c.new_reason.from.empty() ? c.old_reason.from : c.new_reason.from;
  if (from.empty()) return "";
  return fmt::format("{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}", c.change.path,
                     static_cast<int>(c.change.kind), static_cast<int>(c.change.direction),
                     c.change.note, from, c.old_reason.location, c.new_reason.location);
}

// The candidate without one of its atoms that `policy` compiles: what a bottle written
// for the other policy gets here once the key this one refuses is left out.
std::optional<Outcome> nearest_compiling(const LoadedPolicy& policy, const Candidate& candidate) {
  for (std::size_t drop = 0; drop < candidate.atoms.size(); ++drop) {
    Candidate smaller = candidate;
    smaller.atoms.erase(smaller.atoms.begin() + static_cast<std::ptrdiff_t>(drop));
    Outcome outcome = compile_candidate(policy, smaller);
    if (outcome.compiled) return outcome;
  }
  return std::nullopt;
}

}  // namespace

PolicyDiff diff_policies(const LoadedPolicy& old_policy, const LoadedPolicy& new_policy) {
  PolicyDiff result;
  const BottleSpace space = bottle_space(*old_policy.program, *new_policy.program);
  std::map<std::string, std::size_t> seen;
  std::map<std::string, std::size_t> fields;
  auto record = [&](const ConfigChange& change, const Candidate& candidate, const Outcome& before,
                    const Outcome& after) {
    if (!seen.emplace(change_key(change), result.changes.size()).second) return;
    PolicyChange entry{change, candidate.describe(), candidate.bottle_yaml(), candidate.params(),
                       {}, {}, {}};
    explain_sides(entry, old_policy, before, new_policy, after);
    const std::string field = same_field_key(entry);
    if (!field.empty()) {
      const auto [at, first] = fields.emplace(field, result.changes.size());
      if (!first) {
        result.changes[at->second].same_for.push_back(change);
        return;
      }
    }
    result.changes.push_back(std::move(entry));
    result.verdict = combine(result.verdict, change.direction == ConfigChange::Direction::Wider
                                                 ? Verdict::Wider
                                                 : change.direction == ConfigChange::Direction::Narrower
                                                       ? Verdict::Narrower
                                                       : Verdict::Same);
  };
  for (const Candidate& candidate : space.candidates) {
    Outcome before = compile_candidate(old_policy, candidate);
    Outcome after = compile_candidate(new_policy, candidate);
    if (!before.compiled && !after.compiled) continue;
    ++result.candidates;
    std::string schema_note;
    if (!before.compiled || !after.compiled) {
      // A key only one side has: the refusal, then what the bottle gets on the other
      // side against the same bottle without that key.
      record(compile_change(before, after), candidate, before, after);
      std::optional<Outcome> nearest =
          nearest_compiling(before.compiled ? new_policy : old_policy, candidate);
      if (!nearest) continue;
      (before.compiled ? after : before) = std::move(*nearest);
      schema_note = "the witness uses a key or value only one policy accepts; the other side is the same "
                    "bottle without it";
    }
    if (before.compiled->yaml == after.compiled->yaml) continue;
    // Each text was read back and found to hold its document, so the trees are built
    // from the documents, not parsed again.
    const YamlNode old_tree = output_tree(before.compiled->evaluation.output);
    const YamlNode new_tree = output_tree(after.compiled->evaluation.output);
    for (ConfigChange change : diff_configs(old_tree, new_tree).changes) {
      if (!schema_note.empty()) change.note += change.note.empty() ? schema_note : "; " + schema_note;
      record(change, candidate, before, after);
    }
  }
  for (UndecidedPlace& place : scope_limits(space, old_policy, new_policy)) {
    result.undecided.push_back(std::move(place));
  }
  std::vector<UndecidedPlace> places = undecided_places(new_policy);
  result.undecided.insert(result.undecided.end(), places.begin(), places.end());
  for (UndecidedPlace& place : undecided_places(old_policy)) {
    place.what += " (old policy)";
    result.undecided.push_back(std::move(place));
  }
  if (!result.undecided.empty()) result.verdict = combine(result.verdict, Verdict::Wider);
  return result;
}

}  // namespace policyc
