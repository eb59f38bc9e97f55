#include "compiler/lint/walk.hpp"

#include "ir/evaluate.hpp"

namespace policyc {

namespace {

void visit_body(const ast::PolicyFile& file, const ast::RecordBody& body,
                const std::function<void(const ExprRoot&)>& visit) {
  for (const ast::Field& field : body.fields) {
    if (field.default_value) visit({&file, field.default_value.get(), ExprPlace::Default});
  }
}

void visit_items(const ast::PolicyFile& file, const std::vector<ast::OutputItem>& items,
                 const std::function<void(const ExprRoot&)>& visit) {
  for (const ast::OutputItem& item : items) {
    if (item.condition) visit({&file, item.condition.get(), ExprPlace::OutputCondition});
    if (item.value) visit({&file, item.value.get(), ExprPlace::OutputValue});
    visit_items(file, item.children, visit);
  }
}

void walk(const ast::Expr& expr, const ast::Expr* parent, std::size_t index,
          const std::function<void(const ast::Expr&, const ast::Expr*, std::size_t)>& visit) {
  visit(expr, parent, index);
  for (std::size_t i = 0; i < expr.operands.size(); ++i) walk(*expr.operands[i], &expr, i, visit);
}

}  // namespace

void for_each_root(const ir::Program& program, const std::function<void(const ExprRoot&)>& visit) {
  for (const ast::PolicyFile& file : program.files) {
    for (const ast::Const& c : file.consts) visit({&file, c.value.get(), ExprPlace::Constant});
    for (const ast::Record& r : file.records) visit_body(file, r.body, visit);
    for (const ast::Record& r : file.manifests) visit_body(file, r.body, visit);
    for (const ast::Record& r : file.params) visit_body(file, r.body, visit);
    for (const ast::Rule& rule : file.rules) {
      if (rule.condition) visit({&file, rule.condition.get(), ExprPlace::RuleCondition});
      for (const ast::AddStatement& add : rule.adds) {
        visit({&file, add.value.get(), ExprPlace::AddValue});
      }
    }
    for (const ast::Output& output : file.outputs) visit_items(file, output.items, visit);
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
        e.binding == ast::Binding::Set || e.binding == ast::Binding::Unresolved) {
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
