// Visiting every expression of a checked program, for the lints.
#pragma once
#include <functional>
#include <optional>

#include "ir/expression_slots.hpp"
#include "ir/program.hpp"
#include "ir/value.hpp"

namespace policyc {

struct ExprRoot {
  const ast::PolicyFile* file = nullptr;
  const ast::Expr* expr = nullptr;
  ExprPlace place = ExprPlace::Constant;
};

/// Calls `visit` for each root expression of every file, in file and source order.
void for_each_root(const ir::Program& program, const std::function<void(const ExprRoot&)>& visit);

/// Calls `visit(expr, parent, index)` for `root` and every expression below it, parents
/// first; `parent` is null for the root, `index` is the operand position in the parent.
void for_each_node(
    const ast::Expr& root,
    const std::function<void(const ast::Expr&, const ast::Expr*, std::size_t)>& visit);

/// Whether `expr` can be evaluated before any bottle is read: it reads no manifest,
/// parameter, `let` or set.
bool is_constant_expr(const ast::Expr& expr);

/// The value of a constant expression (is_constant_expr), for a lint to reason about;
/// nullopt when it would take more than the evaluation budget, and the lint says nothing.
std::optional<Value> evaluate_for_lint(const ir::Program& program, const ast::Expr& expr);

}  // namespace policyc
