#include "pipeline/symdiff/policy_diff.hpp"

#include <fmt/format.h>

#include <map>
#include <optional>

#include "pipeline/driver.hpp"
#include "pipeline/symdiff/bottle_space.hpp"
#include "pipelock/emit/output_tree.hpp"
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

std::string file_line(const SourceManager& sources, const SourceRange& range) {
  if (!range.valid()) return "";
  std::string where = sources.location(range);
  return where.substr(0, where.rfind(':'));
}

// The rule that put `value` at `path` ("api_allowlist", "ssrf.ip_allowlist"): the
// origin of the list entry, else the output key that set it.
std::string rule_of(const Outcome& outcome, const std::string& path, const std::string& value) {
  if (!outcome.compiled) return "";
  const OutputDocument* level = &outcome.compiled->evaluation.output;
  const OutputNode* node = nullptr;
  std::size_t start = 0;
  while (level) {
    const std::size_t dot = path.find('.', start);
    const std::string key = path.substr(start, dot == std::string::npos ? dot : dot - start);
    node = nullptr;
    for (const OutputNode& n : *level) {
      if (n.key == key) node = &n;
    }
    if (!node || dot == std::string::npos) break;
    level = &node->children;
    start = dot + 1;
  }
  if (!node) return "";
  for (const Value& item : node->is_section ? std::vector<Value>{} : node->value().items) {
    if (item.kind == Value::Kind::String && item.string.view() == value && !item.origins.empty()) {
      return file_line(outcome.sources, item.origins.front().rule_range);
    }
  }
  return file_line(outcome.sources, node->origin);
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
  auto record = [&](const ConfigChange& change, const Candidate& candidate, const Outcome& before,
                    const Outcome& after) {
    if (!seen.emplace(change_key(change), result.changes.size()).second) return;
    const std::string value = change.new_value.empty() ? change.old_value : change.new_value;
    result.changes.push_back({change, candidate.describe(), candidate.bottle_yaml(),
                              candidate.params(),
                              change.kind == ConfigChange::Kind::Added ? "" : rule_of(before, change.path, value),
                              change.kind == ConfigChange::Kind::Removed ? "" : rule_of(after, change.path, value)});
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
      schema_note = "the witness uses a key only one policy has; the other side is the same "
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
  result.undecided = undecided_places(new_policy);
  for (UndecidedPlace& place : undecided_places(old_policy)) {
    place.what += " (old policy)";
    result.undecided.push_back(std::move(place));
  }
  if (!result.undecided.empty()) result.verdict = combine(result.verdict, Verdict::Wider);
  return result;
}

}  // namespace policyc
