// Pass 2: every expression outside the output: constants, field defaults, rules.
#include <fmt/format.h>

#include "compiler/check/check.hpp"
#include "compiler/check/expr_checker.hpp"

namespace policyc {

namespace {

void check_add(CheckContext& context, ExprChecker& checker, ast::AddStatement& add) {
  TypeRef value = checker.check(*add.value);
  auto it = context.sets.find(add.target);
  if (it == context.sets.end()) {
    std::vector<std::string> sets;
    for (const auto& [name, index] : context.sets) sets.push_back(name);
    Diagnostic& d = context.diags.error(
        "E0202", add.target_range,
        context.constants.count(add.target)
            ? fmt::format("'{}' is a constant; a rule can only add to a set", add.target)
            : fmt::format("unknown set '{}'", add.target));
    add_suggestion(d, add.target, sets);
    if (sets.empty()) d.notes.push_back({{}, "declare one with 'set NAME: hostname'"});
    return;
  }
  add.set_index = it->second;
  // Absent values add nothing, so optional elements are accepted.
  TypeRef element = with_optional(context.program.sets[it->second].element, true);
  std::string where = fmt::format("adding to set '{}'", add.target);
  bool is_list = value->kind == Type::Kind::List;
  checker.coerce(*add.value, is_list ? make_list(element) : element, where);
}

}  // namespace

void check_expressions(CheckContext& context) {
  ir::Program& program = context.program;
  ExprChecker constants(context, ExprChecker::Scope::Constant);
  for (std::size_t i = 0; i < program.constants.size(); ++i) constants.constant_type(i);
  for (const auto& record : program.records) {
    for (FieldType& field : record->fields) {
      if (!field.default_expr) continue;
      constants.coerce(*field.default_expr, field.type,
                       fmt::format("the default of '{}.{}'", record->name, field.name));
    }
  }
  for (ast::Rule* rule_ptr : program.rules) {
    ast::Rule& rule = *rule_ptr;
    ExprChecker checker(context, ExprChecker::Scope::Rule);
    if (rule.condition) checker.expect_condition(*rule.condition);
    for (ast::AddStatement& add : rule.adds) check_add(context, checker, add);
  }
}

}  // namespace policyc
