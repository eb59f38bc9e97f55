#include "pipelock/diff/config_diff.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>
#include <optional>

#include "pipelock/diff/config_effective.hpp"
#include "base/json_writer.hpp"
#include "pipelock/schema/host_match.hpp"
#include "pipelock/diff/list_index.hpp"

namespace policyc {

namespace {

using Direction = ConfigChange::Direction;

// How a list's changes rank: which of added or removed entries widen it.
enum class ListKind { Hosts, CidrsAllowing, CidrsBlocking, BlockedHosts, Other };

ListKind list_kind(const std::string& path) {
  if (path == kBlocklistPath) return ListKind::BlockedHosts;
  if (host_list_semantics(path)) return ListKind::Hosts;
  if (path == "ssrf.ip_allowlist" || path == "kill_switch.allowlist_ips") {
    return ListKind::CidrsAllowing;
  }
  if (path == "internal") return ListKind::CidrsBlocking;
  return ListKind::Other;
}

std::string wildcard_note(const std::string& path, const std::string& entry) {
  if (entry.rfind("*.", 0) != 0 || list_kind(path) != ListKind::Hosts) return "";
  const std::string base = entry.substr(2);
  return host_list_semantics(path) == WildcardApex::Included
             ? fmt::format("wildcard covering {} and every subdomain", base)
             : fmt::format("wildcard covering every subdomain of {}", base);
}

std::string internal_text(const EffectiveConfig& flat) {
  const std::size_t n = flat.lists.at("internal").size();
  if (flat.default_internal) return fmt::format("the {} default CIDRs", n);
  return n == 0 ? "[]" : n == 1 ? "1 CIDR" : fmt::format("{} CIDRs", n);
}

// `internal: []` is not a list of removals: it turns a whole check off.
bool diff_internal_switch(const EffectiveConfig& before, const EffectiveConfig& after,
                          std::vector<ConfigChange>& out) {
  const bool was_off = before.lists.at("internal").empty();
  const bool is_off = after.lists.at("internal").empty();
  if (was_off == is_off) return false;
  out.push_back({ConfigChange::Kind::Changed, "internal", internal_text(before),
                 internal_text(after), false, is_off ? Direction::Wider : Direction::Narrower,
                 is_off ? "an empty list turns pipelock's hostname SSRF check off"
                        : "turns pipelock's hostname SSRF check on"});
  return true;
}

void diff_list(const std::string& path, const std::vector<std::string>& old_items,
               const std::vector<std::string>& new_items, std::vector<ConfigChange>& out) {
  const ListKind kind = list_kind(path);
  // Whether an entry that appears widens what gets through.
  const bool adding_widens = kind != ListKind::CidrsBlocking && kind != ListKind::BlockedHosts;
  const ListIndex old_index(path, old_items), new_index(path, new_items);
  for (const std::string& item : new_items) {
    if (old_index.lists(item)) continue;
    ConfigChange change{ConfigChange::Kind::Added, path, "", item, true, Direction::Wider, ""};
    if (std::string cover = old_index.covering(item); !cover.empty()) {
      change.direction = Direction::Same;
      change.note = fmt::format("already covered by {}", json_quote(cover));
    } else {
      change.direction = adding_widens ? Direction::Wider : Direction::Narrower;
      change.note =
          kind == ListKind::Other ? "not ranked; counts as wider" : wildcard_note(path, item);
    }
    out.push_back(std::move(change));
  }
  for (const std::string& item : old_items) {
    if (new_index.lists(item)) continue;
    ConfigChange change{ConfigChange::Kind::Removed, path, item, "", true, Direction::Narrower, ""};
    if (std::string cover = new_index.covering(item); !cover.empty()) {
      change.direction = Direction::Same;
      change.note = fmt::format("still covered by {}", json_quote(cover));
    } else if (kind == ListKind::Other) {
      change.note = "not ranked; counts as wider";
      change.direction = Direction::Wider;
    } else {
      change.direction = adding_widens ? Direction::Narrower : Direction::Wider;
    }
    out.push_back(std::move(change));
  }
}

Direction rank_change(const std::string& path, const std::string& before, const std::string& after,
                      std::string& note) {
  for (const RankedSetting& ranked : ranked_settings()) {
    if (path != ranked.path) continue;
    auto position = [&](const std::string& v) {
      return std::find_if(ranked.order.begin(), ranked.order.end(),
                          [&](const char* o) { return v == o; });
    };
    auto a = position(before), b = position(after);
    if (a == ranked.order.end() || b == ranked.order.end()) break;
    return b > a ? Direction::Wider : Direction::Narrower;
  }
  note = "not ranked; counts as wider";
  return Direction::Wider;
}

// Fills in what pipelock assumes for an absent ranked key (and internal's defaults),
// so writing a default out is no change.
}  // namespace

ConfigDiff diff_configs(const YamlNode& old_config, const YamlNode& new_config) {
  const EffectiveConfig before = effective_config(old_config);
  const EffectiveConfig after = effective_config(new_config);
  ConfigDiff diff;
  std::map<std::string, bool> list_paths;
  for (const auto& [path, items] : before.lists) list_paths[path] = true;
  for (const auto& [path, items] : after.lists) list_paths[path] = true;
  std::map<std::string, bool> scalar_paths;
  for (const auto& [path, value] : before.scalars) scalar_paths[path] = true;
  for (const auto& [path, value] : after.scalars) scalar_paths[path] = true;

  // Lists and scalars interleaved by path, so a section's changes stay together.
  std::map<std::string, std::vector<ConfigChange>> by_path;
  static const std::vector<std::string> none;
  for (const auto& [path, unused] : list_paths) {
    if (path == "internal" && diff_internal_switch(before, after, by_path[path])) continue;
    auto a = before.lists.find(path), b = after.lists.find(path);
    diff_list(path, a == before.lists.end() ? none : a->second,
              b == after.lists.end() ? none : b->second, by_path[path]);
  }
  for (const auto& [path, unused] : scalar_paths) {
    auto a = before.scalars.find(path), b = after.scalars.find(path);
    const EffectiveScalar old_value = a == before.scalars.end() ? EffectiveScalar{} : a->second;
    const EffectiveScalar new_value = b == after.scalars.end() ? EffectiveScalar{} : b->second;
    if (a != before.scalars.end() && b != after.scalars.end() && old_value.raw == new_value.raw) {
      continue;
    }
    ConfigChange change{a == before.scalars.end()  ? ConfigChange::Kind::Added
                        : b == after.scalars.end() ? ConfigChange::Kind::Removed
                                                   : ConfigChange::Kind::Changed,
                        path,
                        old_value.raw,
                        new_value.raw,
                        old_value.is_string || new_value.is_string,
                        Direction::Wider,
                        ""};
    change.direction = rank_change(path, old_value.raw, new_value.raw, change.note);
    by_path[path].push_back(std::move(change));
  }
  bool wider = false, narrower = false;
  for (auto& [path, changes] : by_path) {
    for (ConfigChange& change : changes) {
      wider = wider || change.direction == Direction::Wider;
      narrower = narrower || change.direction == Direction::Narrower;
      diff.changes.push_back(std::move(change));
    }
  }
  diff.verdict = wider && narrower ? Verdict::Mixed
                 : wider           ? Verdict::Wider
                 : narrower        ? Verdict::Narrower
                                   : Verdict::Same;
  return diff;
}

Verdict combine(Verdict a, Verdict b) {
  if (a == Verdict::Same) return b;
  if (b == Verdict::Same || a == b) return a;
  return Verdict::Mixed;
}

const char* verdict_name(Verdict verdict) {
  switch (verdict) {
    case Verdict::Same:
      return "same";
    case Verdict::Narrower:
      return "narrower";
    case Verdict::Wider:
      return "wider";
    case Verdict::Mixed:
      break;
  }
  return "mixed";
}

const char* direction_name(Direction direction) {
  switch (direction) {
    case Direction::Narrower:
      return "narrower";
    case Direction::Wider:
      return "wider";
    case Direction::Same:
      break;
  }
  return "same";
}

}  // namespace policyc
