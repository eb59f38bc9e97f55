// W0611 and W0612: rules and output sections that can never have an effect.
#include <fmt/format.h>

#include "compiler/format/format.hpp"
#include "compiler/lint/lint.hpp"
#include "compiler/lint/walk.hpp"

namespace policyc {

namespace {

using ast::Expr;

struct FalseCondition {
  bool always_false = false;
  DiagnosticNote note;  // what makes it false, when another place does
};

void conjuncts(const Expr& e, std::vector<const Expr*>& out) {
  if (e.kind == Expr::Kind::And) {
    conjuncts(*e.operands[0], out);
    conjuncts(*e.operands[1], out);
  } else {
    out.push_back(&e);
  }
}

const std::string& source_of(const SourceManager& sources, const Expr& e) {
  return sources.file(e.range.file).text();
}

// `x == "a" and x == "b"`, `c and not c`, `x == y and x != y`.
bool contradict(const SourceManager& sources, const ir::Program& program, const Expr& a,
                const Expr& b) {
  auto text = [&](const Expr& e) { return format_expression(e, source_of(sources, e)); };
  if (a.kind == Expr::Kind::Not && text(*a.operands[0]) == text(b)) return true;
  const bool equal_pair = a.kind == Expr::Kind::Equal && b.kind == Expr::Kind::Equal;
  const bool opposite = a.kind == Expr::Kind::Equal && b.kind == Expr::Kind::NotEqual;
  if (!equal_pair && !opposite) return false;
  for (int side = 0; side < 2; ++side) {
    const Expr& a_same = *a.operands[side];
    const Expr& a_other = *a.operands[1 - side];
    for (int b_side = 0; b_side < 2; ++b_side) {
      if (text(a_same) != text(*b.operands[b_side])) continue;
      const Expr& b_other = *b.operands[1 - b_side];
      if (opposite && text(a_other) == text(b_other)) return true;
      if (equal_pair && is_constant_expr(a_other) && is_constant_expr(b_other)) {
        const std::optional<Value> left = evaluate_for_lint(program, a_other);
        const std::optional<Value> right = evaluate_for_lint(program, b_other);
        if (left && right && !left->equals(*right)) return true;
      }
    }
  }
  return false;
}

FalseCondition never_true(const SourceManager& sources, const ir::Program& program,
                          const Expr& condition) {
  FalseCondition result;
  if (is_constant_expr(condition)) {
    const std::optional<Value> value = evaluate_for_lint(program, condition);
    result.always_false = value && value->kind == Value::Kind::Bool && !value->boolean;
    for_each_node(condition, [&](const Expr& e, const Expr*, std::size_t) {
      if (result.note.range.valid() || e.binding != ast::Binding::Constant) return;
      const ast::Const& decl = *program.constants[e.slot].decl;
      result.note = {decl.name_range, fmt::format("'{}' is declared here", decl.name)};
    });
    return result;
  }
  std::vector<const Expr*> parts;
  conjuncts(condition, parts);
  for (const Expr* part : parts) {
    if (!is_constant_expr(*part)) continue;
    FalseCondition constant = never_true(sources, program, *part);
    if (!constant.always_false) continue;
    constant.note = {part->range, "this part is always false"};
    return constant;
  }
  auto text = [&](const Expr& e) { return format_expression(e, source_of(sources, e)); };
  for (const Expr* a : parts) {
    for (const Expr* b : parts) {
      if (a == b || !contradict(sources, program, *a, *b)) continue;
      result.always_false = true;
      result.note = {a->range, fmt::format("this contradicts '{}'", text(*b))};
      return result;
    }
  }
  return result;
}

void check_items(const SourceManager& sources, const ir::Program& program,
                 const std::vector<ast::OutputItem>& items, const std::string& path,
                 DiagnosticSink& diags) {
  for (const ast::OutputItem& item : items) {
    const std::string item_path = path.empty() ? item.key : path + "." + item.key;
    if (item.condition) {
      FalseCondition dead = never_true(sources, program, *item.condition);
      if (dead.always_false) {
        Diagnostic& d = diags.warning(
            "W0611", item.condition->range,
            fmt::format("this condition is always false, so '{}' is never written", item_path));
        if (dead.note.range.valid()) d.notes.push_back(dead.note);
        continue;
      }
    }
    check_items(sources, program, item.children, item_path, diags);
  }
}

}  // namespace

void lint_dead_rules(const ir::Program& program, const SourceManager& sources,
                     DiagnosticSink& diags) {
  std::vector<bool> read(program.sets.size(), false);
  for_each_root(program, [&](const ExprRoot& root) {
    for_each_node(*root.expr, [&](const Expr& e, const Expr*, std::size_t) {
      if (e.kind == Expr::Kind::Name && e.binding == ast::Binding::Set) read[e.slot] = true;
    });
  });
  for (const ast::Rule* rule : program.rules) {
    if (rule->condition) {
      FalseCondition dead = never_true(sources, program, *rule->condition);
      if (dead.always_false) {
        Diagnostic& d = diags.warning(
            "W0611", rule->condition->range,
            fmt::format("this condition is always false, so rule '{}' never runs", rule->name));
        if (dead.note.range.valid()) d.notes.push_back(dead.note);
      }
    }
    const ast::AddStatement* live = nullptr;
    for (const ast::AddStatement& add : rule->adds) {
      if (read[add.set_index]) live = &add;
    }
    if (live) continue;
    if (rule->adds.empty()) {
      diags.warning("W0612", rule->name_range,
                    fmt::format("rule '{}' has no effect: it adds nothing", rule->name));
      continue;
    }
    const ast::Set& set = *program.sets[rule->adds.front().set_index].decl;
    Diagnostic& d = diags.warning(
        "W0612", rule->name_range,
        fmt::format("rule '{}' has no effect: it adds only to sets no output reads", rule->name));
    d.notes.push_back({set.name_range, fmt::format("set '{}' is declared here", set.name)});
  }
  if (program.output) check_items(sources, program, program.output->items, "", diags);
}

}  // namespace policyc
