// Pass 4: constants and field defaults become values, so evaluating a bottle only
// reads them.
#include "compiler/check.hpp"
#include "compiler/limits.hpp"
#include "runtime/evaluate.hpp"

namespace policyc {

namespace {

void collect_constant_uses(const ast::Expr& expr, std::vector<std::size_t>& out) {
  if (expr.kind == ast::Expr::Kind::Name && expr.binding == ast::Binding::Constant) {
    out.push_back(expr.slot);
  }
  for (const auto& operand : expr.operands) collect_constant_uses(*operand, out);
}

void lower_constant(ir::Program& program, std::size_t index, std::vector<bool>& done) {
  if (done[index]) return;
  done[index] = true;  // the checker rejected cycles
  ir::Constant& constant = program.constants[index];
  std::vector<std::size_t> uses;
  collect_constant_uses(*constant.decl->value, uses);
  for (std::size_t use : uses) lower_constant(program, use, done);
  EvalEnv env{program, nullptr, nullptr, nullptr, constant.decl->name, {}};
  constant.value = evaluate_expr(*constant.decl->value, env);
}

}  // namespace

void lower_program(CheckContext& context) {
  ir::Program& program = context.program;
  std::vector<bool> done(program.constants.size(), false);
  for (std::size_t i = 0; i < program.constants.size(); ++i) lower_constant(program, i, done);
  for (const auto& record : program.records) {
    for (FieldType& field : record->fields) {
      if (!field.default_expr) continue;
      EvalEnv env{program, nullptr, nullptr, nullptr, record->name + "." + field.name, {}};
      field.default_value = evaluate_expr(*field.default_expr, env);
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
  return program;
}

}  // namespace policyc
