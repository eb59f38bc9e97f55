#include "lsp/analysis.hpp"

#include "compiler/check/check.hpp"
#include "compiler/check/default_records.hpp"
#include "compiler/lint/walk.hpp"
#include "lsp/policy_diagnostics.hpp"

namespace policyc::lsp {

std::unique_ptr<Analysis> analyze(const Document& document, const Documents& documents,
                                  const std::string* text) {
  Documents repaired = documents;
  if (text) repaired.change(document.uri, *text, document.version);
  const OverlaySource source(repaired);
  const std::vector<std::string> entries = entries_loading(document, repaired, source);
  auto analysis = std::make_unique<Analysis>();
  std::vector<ast::PolicyFile> files =
      load_policies(entries.front(), source, analysis->sources, analysis->diags);
  // After a syntax error the parser keeps only the declarations that parsed whole (a
  // too deep expression becomes `false`), so the files are those of a text that
  // parses: the checker meets nothing it would not meet from `policyc check`.
  for (const ast::PolicyFile& file : files) {
    if (analysis->sources.file(file.file).name() == document.path) analysis->file = file.file;
  }
  analysis->program.files = std::move(files);
  // check_program's passes, without its stop at the first failing one.
  CheckContext context{analysis->sources, analysis->diags, analysis->program, {}, {}, {}};
  check_declarations(context);
  check_expressions(context);
  check_output(context);
  check_default_records(context);
  if (!analysis->diags.has_errors()) {
    lower_program(context);
    analysis->lowered = !analysis->diags.has_errors();
  }
  return analysis;
}

const ast::PolicyFile* document_file(const Analysis& analysis) {
  for (const ast::PolicyFile& file : analysis.program.files) {
    if (file.file == analysis.file) return &file;
  }
  return nullptr;
}

void for_each_expr(const Analysis& analysis, const std::function<void(const ast::Expr&)>& visit) {
  for_each_root(analysis.program, [&](const ExprRoot& root) {
    if (root.file->file != analysis.file || !root.expr) return;
    for_each_node(*root.expr, [&](const ast::Expr& e, const ast::Expr*, std::size_t) { visit(e); });
  });
}

const RecordType* record_of(const TypeRef& type) {
  return type && type->kind == Type::Kind::Record ? type->record : nullptr;
}

std::string output_type_name(const TargetField& field) {
  if (field.type != TargetField::Type::Enum) return target_type_name(field);
  std::string name = "enum(";
  for (std::size_t i = 0; i < field.enum_values.size(); ++i) {
    name += (i ? ", \"" : "\"") + field.enum_values[i] + "\"";
  }
  return name + ")";
}

TypeRef record_type(const RecordType& record) {
  auto type = std::make_shared<Type>();
  type->kind = Type::Kind::Record;
  type->record = &record;
  return type;
}

}  // namespace policyc::lsp
