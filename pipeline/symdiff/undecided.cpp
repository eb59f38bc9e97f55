// The constructs the small scope of bottle_space cannot decide: each is a place the
// all-bottles diff names and counts as wider.
#include <fmt/format.h>

#include "ir/expression_slots.hpp"
#include "pipeline/symdiff/policy_diff.hpp"

namespace policyc {

namespace {

bool is_loop(const ast::Expr& e) {
  return e.kind == ast::Expr::Kind::Comprehension || e.kind == ast::Expr::Kind::Quantifier;
}

struct Walker {
  const SourceManager& sources;
  std::vector<UndecidedPlace>& out;

  void report(const ast::Expr& e, const char* what) {
    std::string where = sources.location(e.range);
    where = where.substr(0, where.rfind(':'));
    out.push_back({std::move(where), what});
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

}  // namespace policyc
