// Pass 3: the output block against the target's schema, so a policy can only ever set
// fields pipelock 2.3.0 knows, with values of the type it expects.
#include <map>

#include <fmt/format.h>

#include "compiler/check/check.hpp"
#include "compiler/check/expr_checker.hpp"
#include "compiler/check/target_types.hpp"
#include "pipelock/schema/field_rules.hpp"
#include "pipelock/schema/output_schema.hpp"

namespace policyc {

namespace {

// A literal pipelock would refuse (`max_tunnel_seconds = -5`, a DLP pattern's regex that
// does not compile) fails every compile; say so at `check` time, at the literal, with the
// rule the output is validated by. Lists and record literals are looked into.
void check_literal_value(CheckContext& context, const ast::Expr& expr, const TargetField& field,
                         const std::string& path) {
  std::string problem;
  if (expr.kind == ast::Expr::Kind::Integer) {
    problem = pipelock_int_problem(field, path, expr.integer);
  } else if (expr.kind == ast::Expr::Kind::String && field.type == TargetField::Type::String) {
    problem = pipelock_text_problem(field, path, expr.text);
  } else if (expr.kind == ast::Expr::Kind::List && field.type == TargetField::Type::List) {
    for (std::size_t i = 0; i < expr.operands.size(); ++i) {
      check_literal_value(context, *expr.operands[i], *field.element,
                          fmt::format("{}[{}]", path, i));
    }
  } else if (expr.kind == ast::Expr::Kind::Record) {
    for (std::size_t i = 0; i < expr.operands.size(); ++i) {
      const std::string& name = expr.field_names[i];
      const TargetField* child = field.type == TargetField::Type::Map ? field.element.get()
                                 : field.type == TargetField::Type::Record
                                     ? find_target_field(field, name)
                                     : nullptr;
      if (child) check_literal_value(context, *expr.operands[i], *child, path + "." + name);
    }
  }
  if (!problem.empty()) context.diags.error("E0501", expr.range, std::move(problem));
}

void check_items(CheckContext& context, std::vector<ast::OutputItem>& items,
                 const TargetField& section, const std::string& path) {
  std::map<std::string, SourceRange> seen;
  for (ast::OutputItem& item : items) {
    const std::string key_path = path.empty() ? item.key : path + "." + item.key;
    auto [first, inserted] = seen.emplace(item.key, item.key_range);
    if (!inserted) {
      Diagnostic& d = context.diags.error("E0220", item.key_range,
                                          fmt::format("'{}' is set twice", key_path));
      d.notes.push_back({first->second, "first set here"});
    }
    ExprChecker checker(context, ExprChecker::Scope::Output);
    if (item.condition) checker.expect_condition(*item.condition);
    const TargetField* field = find_target_field(section, item.key);
    if (!field) {
      report_unknown_target_field(context.diags, item.key, item.key_range, section, path);
      continue;
    }
    const bool is_section = field->type == TargetField::Type::Section;
    if (item.is_block && !is_section) {
      context.diags.error("E0222", item.key_range,
                          fmt::format("'{}' holds a value ({}) in pipelock, not a section; write '{} = ...'",
                                      key_path, target_type_name(*field), item.key));
    } else if (!item.is_block && is_section) {
      context.diags.error("E0222", item.key_range,
                          fmt::format("'{}' is a section in pipelock; write '{} {{ ... }}'",
                                      key_path, item.key));
      checker.check(*item.value);
    } else if (item.is_block) {
      check_items(context, item.children, *field, key_path);
    } else {
      checker.check(*item.value);
      checker.coerce(*item.value, target_value_type(*field),
                     fmt::format("pipelock field '{}'", key_path));
      check_literal_value(context, *item.value, *field, key_path);
    }
  }
}

}  // namespace

void check_output(CheckContext& context) {
  ast::Output* output = context.program.output;
  if (!output) return;
  if (output->name != kPipelockTarget) {
    Diagnostic& d = context.diags.error(
        "E0221", output->name_range,
        fmt::format("unknown output target '{}'; policyc emits '{}'", output->name, kPipelockTarget));
    add_suggestion(d, output->name, {std::string(kPipelockTarget)});
    return;
  }
  check_items(context, output->items, pipelock_schema(), "");
}

}  // namespace policyc
