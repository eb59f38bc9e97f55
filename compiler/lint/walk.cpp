#include "compiler/lint/walk.hpp"

#include "ir/evaluate.hpp"

namespace policyc {

namespace {

void walk(const ast::Expr& expr, const ast::Expr* parent, std::size_t index,
          const std::function<void(const ast::Expr&, const ast::Expr*, std::size_t)>& visit) {
  visit(expr, parent, index);
  for (std::size_t i = 0; i < expr.operands.size(); ++i) walk(*expr.operands[i], &expr, i, visit);
}

}  // namespace

void for_each_root(const ir::Program& program, const std::function<void(const ExprRoot&)>& visit) {
  for (const ast::PolicyFile& file : program.files) {
    for_each_expression_slot(file, [&](const std::unique_ptr<ast::Expr>& slot, ExprPlace place) {
      if (slot) visit({&file, slot.get(), place});
    });
  }
}

void for_each_node(
    const ast::Expr& root,
    const std::function<void(const ast::Expr&, const ast::Expr*, std::size_t)>& visit) {
  walk(root, nullptr, 0, visit);
}

bool is_constant_expr(const ast::Expr& expr) {
  bool constant = true;
  for_each_node(expr, [&](const ast::Expr& e, const ast::Expr*, std::size_t) {
    if (e.kind != ast::Expr::Kind::Name) return;
    if (e.binding == ast::Binding::Manifest || e.binding == ast::Binding::Params ||
        e.binding == ast::Binding::Set || e.binding == ast::Binding::Let ||
        e.binding == ast::Binding::Unresolved) {
      constant = false;
    }
  });
  return constant;
}

std::optional<Value> evaluate_for_lint(const ir::Program& program, const ast::Expr& expr) {
  EvalBudget budget;
  Value value = evaluate_constant(program, expr, "", budget);
  if (budget.exhausted()) return std::nullopt;
  return value;
}

}  // namespace policyc
