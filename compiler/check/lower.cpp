// Pass 4: constants and field defaults become values, so evaluating a bottle only
// reads them.
#include "compiler/check/check.hpp"
#include "compiler/check/default_records.hpp"
#include "compiler/syntax/limits.hpp"
#include "ir/evaluate.hpp"

namespace policyc {

namespace {

void collect_constant_uses(const ast::Expr& expr, std::vector<std::size_t>& out) {
  if (expr.kind == ast::Expr::Kind::Name && expr.binding == ast::Binding::Constant) {
    out.push_back(expr.slot);
  }
  for (const auto& operand : expr.operands) collect_constant_uses(*operand, out);
}

// A constant's expression can loop over other constants as a bottle's can over the
// manifest, so it gets a budget of its own [E0811].
Value evaluate_within_budget(const ast::Expr& expr, const ir::Program& program,
                             const std::string& declaration, const std::string& evaluating,
                             DiagnosticSink& diags) {
  EvalBudget budget;
  Value value = evaluate_constant(program, expr, declaration, budget);
  budget.report(diags, evaluating);
  return value;
}

void lower_constant(CheckContext& context, std::size_t index, std::vector<bool>& done) {
  if (done[index]) return;
  done[index] = true;  // the checker rejected cycles
  ir::Constant& constant = context.program.constants[index];
  if (constant.decl->reads_bottle) return;  // a `let` is computed for each bottle
  std::vector<std::size_t> uses;
  collect_constant_uses(*constant.decl->value, uses);
  for (std::size_t use : uses) lower_constant(context, use, done);
  const std::string& name = constant.decl->name;
  constant.value = evaluate_within_budget(*constant.decl->value, context.program, name,
                                          "constant '" + name + "'", context.diags);
}

}  // namespace

void lower_program(CheckContext& context) {
  ir::Program& program = context.program;
  std::vector<bool> done(program.constants.size(), false);
  for (std::size_t i = 0; i < program.constants.size(); ++i) lower_constant(context, i, done);
  for (const auto& record : program.records) {
    for (FieldType& field : record->fields) {
      if (!field.default_expr) continue;
      const std::string name = record->name + "." + field.name;
      field.default_value = evaluate_within_budget(*field.default_expr, program, name,
                                                   "the default of '" + name + "'", context.diags);
    }
  }
}

std::unique_ptr<ir::Program> check_program(std::vector<ast::PolicyFile> files,
                                           const SourceManager& sources, DiagnosticSink& diags) {
  auto program = std::make_unique<ir::Program>();
  program->files = std::move(files);
  CheckContext context{sources, diags, *program, {}, {}, {}};
  check_declarations(context);
  check_expressions(context);
  check_output(context);
  check_default_records(context);
  if (diags.has_errors()) return nullptr;
  lower_program(context);
  if (diags.has_errors()) return nullptr;
  return program;
}

}  // namespace policyc
