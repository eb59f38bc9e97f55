// The constructs the small scope of bottle_space cannot decide: each is a place the
// all-bottles diff names and counts as wider.
#include <fmt/format.h>

#include "ir/expression_slots.hpp"
#include "pipeline/symdiff/bottle_space.hpp"
#include "pipeline/symdiff/policy_diff.hpp"

namespace policyc {

namespace {

const char* side(bool in_new_policy) { return in_new_policy ? "" : " (old policy)"; }

bool is_loop(const ast::Expr& e) {
  return e.kind == ast::Expr::Kind::Comprehension || e.kind == ast::Expr::Kind::Quantifier;
}

struct Walker {
  const SourceManager& sources;
  std::vector<UndecidedPlace>& out;

  void report(const ast::Expr& e, const char* what) {
    out.push_back({sources.file_line(e.range), what});
  }

  void walk(const ast::Expr& e, int loops) {
    if (e.kind == ast::Expr::Kind::Call && e.builtin == ast::Builtin::Len) {
      report(e, "len(): the scope has lists of at most two elements");
    } else if (e.kind == ast::Expr::Kind::Call &&
               (e.builtin == ast::Builtin::Keys || e.builtin == ast::Builtin::Values)) {
      report(e, "keys()/values() of a map: the scope has maps of at most one key");
    } else if (is_loop(e) && !e.key_name.empty()) {
      report(e, "iteration over a map's keys: the scope has maps of at most one key");
    } else if (is_loop(e) && loops > 0) {
      report(e, "a loop inside a loop: the scope varies one element at a time");
    } else if (e.kind == ast::Expr::Kind::Add && e.type && is_string_like(*e.type)) {
      report(e, "text built from other text: the scope draws strings from the policy's constants");
    }
    for (const auto& operand : e.operands) {
      if (operand) walk(*operand, loops + (is_loop(e) ? 1 : 0));
    }
  }
};

}  // namespace

std::vector<UndecidedPlace> undecided_places(const LoadedPolicy& policy) {
  std::vector<UndecidedPlace> out;
  Walker walker{policy.sources, out};
  for (const ast::PolicyFile& file : policy.program->files) {
    for_each_expression_slot(file, [&](const std::unique_ptr<ast::Expr>& slot, ExprPlace place) {
      if (slot && place != ExprPlace::Constant && place != ExprPlace::Default) walker.walk(*slot, 0);
    });
  }
  return out;
}

std::vector<UndecidedPlace> scope_limits(const BottleSpace& space, const LoadedPolicy& old_policy,
                                         const LoadedPolicy& new_policy) {
  std::vector<UndecidedPlace> out;
  auto sources = [&](bool in_new) -> const SourceManager& {
    return in_new ? new_policy.sources : old_policy.sources;
  };
  for (const CappedReach& capped : space.capped) {
    out.push_back({sources(capped.in_new_policy).file_line(capped.where),
                   fmt::format("{} depends on {} bottle fields or parameters, through the rules of "
                               "the sets it reads: {} combinations of their sample values, more "
                               "than the search tries{}",
                               capped.key, capped.leaves, capped.combinations,
                               side(capped.in_new_policy))});
  }
  for (const std::string& crowded : space.crowded) out.push_back({"the policies' strings", crowded});
  for (const OverTestedList& list : space.over_tested) {
    const bool param = list.list.compare(0, 7, "params.") == 0;
    out.push_back({sources(list.in_new_policy).file_line(list.where),
                   fmt::format("{} tests {}{} element by element {} times: the scope has lists of "
                               "at most two elements{}",
                               list.key, param ? "" : "bottle.", list.list, list.tests,
                               side(list.in_new_policy))});
  }
  for (const MapComparison& map : space.compared_maps) {
    out.push_back({sources(map.in_new_policy).file_line(map.where),
                   fmt::format("{} compares bottle.{} whole with a map: the scope's maps have one "
                               "key, named K{}",
                               map.key, map.map, side(map.in_new_policy))});
  }
  for (const UnsampledHostRules& hosts : space.unsampled_hosts) {
    out.push_back({new_policy.sources.file_line(hosts.where),
                   fmt::format("{}: its hosts() rules changed, and no sample host has classes one "
                               "policy refuses and the other takes",
                               hosts.path)});
  }
  return out;
}

}  // namespace policyc
