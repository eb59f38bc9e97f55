// W0607 and W0609: the host lists of the output, as far as the policy alone fixes
// them: constants, literals, and what rules add to sets from those. Entries read from
// the manifest are unknown here and only noted.
//
// Matching is pipelock 2.3.0's, per list, from pipelock/schema/host_match: in
// api_allowlist, trusted_domains and fetch_proxy.monitoring.blocklist `*.x` matches `x`
// and every name below it; in passthrough_domains and redirect_websocket_hosts only the
// names below `x`.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "compiler/lint/lint.hpp"
#include "compiler/lint/walk.hpp"
#include "pipelock/schema/host_match.hpp"
#include "pipelock/schema/output_schema.hpp"

namespace policyc {

namespace {

struct HostEntry {
  std::string host;
  SourceRange range;                 // the literal that wrote it
  std::set<const ast::Rule*> rules;  // the conditional rules that add it; null: always there
};

struct HostList {
  std::string path;  // "tls_interception.passthrough_domains"
  SourceRange key_range;
  std::vector<HostEntry> entries;
  bool has_unknown = false;  // entries read from the manifest or parameters
  std::map<std::tuple<FileId, std::uint32_t, std::string>, std::size_t> index;  // into entries
};

bool same_range(const SourceRange& a, const SourceRange& b) {
  return a.file == b.file && a.begin == b.begin && a.end == b.end;
}

void add_entry(HostList& list, const std::string& host, SourceRange range, const ast::Rule* rule) {
  auto [it, inserted] =
      list.index.emplace(std::make_tuple(range.file, range.begin, host), list.entries.size());
  if (inserted) list.entries.push_back({host, range, {}});
  list.entries[it->second].rules.insert(rule);
}

void collect(const ir::Program& program, const ast::Expr& e, const ast::Rule* rule,
             HostList& list) {
  if (is_constant_expr(e)) {
    const std::optional<Value> evaluated = evaluate_for_lint(program, e);
    if (!evaluated) return;
    const Value& value = *evaluated;
    std::vector<const Value*> items;
    if (value.kind == Value::Kind::String) items.push_back(&value);
    for (const Value& item : value.items) items.push_back(&item);
    for (const Value* item : items) {
      SourceRange range;
      for (const Provenance& origin : item->origins) {
        if (!origin.rule_range.valid()) continue;
        range = origin.rule_range;  // the literal, the first reason of a constant's element
        break;
      }
      if (range.valid()) add_entry(list, item->string.str(), range, rule);
    }
    return;
  }
  switch (e.kind) {
    case ast::Expr::Kind::List:
    case ast::Expr::Kind::Add:
      for (const auto& operand : e.operands) collect(program, *operand, rule, list);
      return;
    case ast::Expr::Kind::Call:
      if (e.builtin == ast::Builtin::Sorted) {
        collect(program, *e.operands[0], rule, list);
        return;
      }
      break;
    case ast::Expr::Kind::Name:
      if (e.binding != ast::Binding::Set) break;
      for (const ast::Rule* r : program.rules) {
        for (const ast::AddStatement& add : r->adds) {
          if (add.set_index == e.slot)
            collect(program, *add.value, r->condition ? r : nullptr, list);
        }
      }
      return;
    default:
      break;
  }
  list.has_unknown = true;
}

void collect_items(const ir::Program& program, const std::vector<ast::OutputItem>& items,
                   const TargetField& section, const std::string& path,
                   std::vector<HostList>& lists) {
  for (const ast::OutputItem& item : items) {
    const TargetField* field = find_target_field(section, item.key);
    if (!field) continue;
    const std::string item_path = path.empty() ? item.key : path + "." + item.key;
    if (item.is_block) {
      collect_items(program, item.children, *field, item_path, lists);
    } else if (field->type == TargetField::Type::HostList && item.value) {
      HostList list{item_path, item.key_range, {}, false, {}};
      collect(program, *item.value, nullptr, list);
      lists.push_back(std::move(list));
    }
  }
}

// Whether `b` is in the list whenever `a` is: always there, or added by every rule that
// adds `a`. policyc cannot tell whether two different rule conditions hold together.
bool present_whenever(const HostEntry& b, const HostEntry& a) {
  if (b.rules.count(nullptr)) return true;
  if (a.rules.count(nullptr)) return false;
  return std::all_of(a.rules.begin(), a.rules.end(),
                     [&](const ast::Rule* r) { return b.rules.count(r) > 0; });
}

bool before(const SourceRange& a, const SourceRange& b) {
  return a.file != b.file ? a.file < b.file : a.begin < b.begin;
}

void report_redundant(const HostList& list, std::set<std::pair<FileId, std::uint32_t>>& reported,
                      DiagnosticSink& diags) {
  const std::optional<WildcardApex> apex = host_list_semantics(list.path);
  if (!apex) return;
  // Entries by the text pipelock compares; the patterns covering an entry are then a
  // few look-ups (covering_patterns), not a scan of the list.
  std::multimap<std::string, const HostEntry*> by_pattern;
  for (const HostEntry& entry : list.entries) {
    by_pattern.emplace(normalize_host_pattern(entry.host, *apex), &entry);
  }
  for (const HostEntry& entry : list.entries) {
    const std::string pattern = normalize_host_pattern(entry.host, *apex);
    const HostEntry* match = nullptr;
    bool duplicate = false;
    for (const std::string& wider : covering_patterns(pattern, *apex)) {
      auto [first, last] = by_pattern.equal_range(wider);
      for (auto it = first; it != last; ++it) {
        const HostEntry& other = *it->second;
        if (same_range(entry.range, other.range) || !present_whenever(other, entry)) continue;
        // Of two equal entries always there together, the later one is the redundant one.
        const bool same = wider == pattern;
        if (same && present_whenever(entry, other) && !before(other.range, entry.range)) {
          continue;
        }
        if (!match || before(other.range, match->range)) {
          match = &other;
          duplicate = same;
        }
      }
    }
    if (!match || !reported.insert({entry.range.file, entry.range.begin}).second) continue;
    Diagnostic& d =
        diags.warning("W0607", entry.range,
                      duplicate ? fmt::format("'{}' is already in {}", entry.host, list.path)
                                : fmt::format("'{}' is redundant in {}: '{}' already matches it",
                                              entry.host, list.path, match->host));
    d.notes.push_back({match->range, duplicate
                                         ? fmt::format("'{}' is first added here", match->host)
                                         : fmt::format("'{}' is added here", match->host)});
  }
}

void report_passthrough(const std::vector<HostList>& lists, DiagnosticSink& diags) {
  auto allow = std::find_if(lists.begin(), lists.end(),
                            [](const HostList& l) { return l.path == "api_allowlist"; });
  if (allow == lists.end()) return;
  for (const HostList& list : lists) {
    if (list.path != "tls_interception.passthrough_domains") continue;
    // Allowed when some allowlist entry covers the passthrough entry, as pipelock's
    // api_allowlist matches.
    const WildcardApex allow_apex = *host_list_semantics(allow->path);
    std::set<std::string> allowed_patterns;
    for (const HostEntry& a : allow->entries) {
      allowed_patterns.insert(normalize_host_pattern(a.host, allow_apex));
    }
    for (const HostEntry& entry : list.entries) {
      const std::vector<std::string> patterns =
          covering_patterns(normalize_host_pattern(entry.host, allow_apex), allow_apex);
      const bool allowed = std::any_of(patterns.begin(), patterns.end(), [&](const std::string& p) {
        return allowed_patterns.count(p) > 0;
      });
      if (allowed) continue;
      Diagnostic& d = diags.warning(
          "W0609", entry.range,
          fmt::format("passthrough domain '{}' is not allowlisted: no entry the policy adds to "
                      "api_allowlist matches it",
                      entry.host));
      d.notes.push_back({allow->key_range, allow->has_unknown
                                               ? "api_allowlist is set here; only a bottle's "
                                                 "manifest could add the host"
                                               : "api_allowlist is set here"});
    }
  }
}

}  // namespace

void lint_host_lists(const ir::Program& program, const SourceManager&, DiagnosticSink& diags) {
  if (!program.output || program.output->name != kPipelockTarget) return;
  std::vector<HostList> lists;
  collect_items(program, program.output->items, pipelock_schema(), "", lists);
  std::set<std::pair<FileId, std::uint32_t>> reported;
  for (HostList& list : lists) {
    std::stable_sort(
        list.entries.begin(), list.entries.end(),
        [](const HostEntry& a, const HostEntry& b) { return before(a.range, b.range); });
    report_redundant(list, reported, diags);
  }
  report_passthrough(lists, diags);
}

}  // namespace policyc
