// W0615: an `if` whose condition is decided before any bottle is read, so one of its
// branches is never used.
#include <fmt/format.h>

#include "compiler/lint/lint.hpp"
#include "compiler/lint/walk.hpp"

namespace policyc {

namespace {

// Loop variables are bound only while a bottle is evaluated; a condition reading one
// is left alone even when its source is constant.
bool decided_before_any_bottle(const ast::Expr& condition) {
  bool reads_local = false;
  for_each_node(condition, [&](const ast::Expr& e, const ast::Expr*, std::size_t) {
    reads_local = reads_local || (e.kind == ast::Expr::Kind::Name && e.binding == ast::Binding::Local);
  });
  return !reads_local && is_constant_expr(condition);
}

}  // namespace

void lint_constant_choices(const ir::Program& program, DiagnosticSink& diags) {
  for_each_root(program, [&](const ExprRoot& root) {
    for_each_node(*root.expr, [&](const ast::Expr& e, const ast::Expr*, std::size_t) {
      if (e.kind != ast::Expr::Kind::Conditional) return;
      const ast::Expr& condition = *e.operands[0];
      if (!decided_before_any_bottle(condition)) return;
      const std::optional<Value> value = evaluate_for_lint(program, condition);
      if (!value || value->kind != Value::Kind::Bool) return;
      const bool holds = value->boolean;
      Diagnostic& d = diags.warning(
          "W0615", condition.range,
          fmt::format("this condition is always {}, so the '{}' branch is never used",
                      holds ? "true" : "false", holds ? "else" : "then"));
      if (!holds && e.operands.size() < 3) {
        d.notes.push_back({e.range, "without 'else', this value is always absent"});
      } else {
        d.notes.push_back({e.operands[holds ? 1 : 2]->range, "write this branch alone"});
      }
    });
  });
}

}  // namespace policyc
