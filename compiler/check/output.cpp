// Pass 3: the output block against the target's schema, so a policy can only ever set
// fields pipelock 2.3.0 knows, with values of the type it expects.
#include <map>

#include <fmt/format.h>

#include "compiler/check/check.hpp"
#include "compiler/check/expr_checker.hpp"
#include "pipelock/schema/field_rules.hpp"
#include "pipelock/schema/output_schema.hpp"

namespace policyc {

namespace {

// The policy type a target field accepts. Absent values are omitted from the output,
// so every field accepts an optional value.
TypeRef accepted_type(const TargetField& field) {
  auto type = std::make_shared<Type>();
  type->optional = true;
  switch (field.type) {
    case TargetField::Type::Int: type->kind = Type::Kind::Int; break;
    case TargetField::Type::Bool: type->kind = Type::Kind::Bool; break;
    case TargetField::Type::String: type->kind = Type::Kind::String; break;
    case TargetField::Type::Enum:
      type->kind = Type::Kind::Enum;
      type->enum_values = field.enum_values;
      break;
    case TargetField::Type::StringList:
      type->kind = Type::Kind::List;
      type->element = make_type(Type::Kind::String);
      break;
    case TargetField::Type::HostList:
      type->kind = Type::Kind::List;
      type->element = make_type(Type::Kind::Hostname);
      break;
    case TargetField::Type::CidrList:
      type->kind = Type::Kind::List;
      type->element = make_type(Type::Kind::Cidr);
      break;
    case TargetField::Type::Section: type->kind = Type::Kind::Error; break;
  }
  return type;
}

// A literal pipelock would refuse (`max_tunnel_seconds = -5`) fails every compile; say so
// at `check` time, at the literal, with the rule the output is validated by.
void check_literal_value(CheckContext& context, const ast::Expr& expr, const TargetField& field,
                         const std::string& path) {
  std::string problem;
  if (expr.kind == ast::Expr::Kind::Integer) {
    problem = pipelock_int_problem(field, path, expr.integer);
  } else if (expr.kind == ast::Expr::Kind::String && field.type == TargetField::Type::String) {
    problem = pipelock_text_problem(field, path, expr.text);
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
      Diagnostic& d = context.diags.error(
          "E0221", item.key_range,
          path.empty() ? fmt::format("'{}' is not a top-level pipelock field that policyc can set", item.key)
                       : fmt::format("'{}' is not a field of '{}' that policyc can set", item.key, path));
      add_suggestion(d, item.key, target_field_names(section));
      continue;
    }
    const bool is_section = field->type == TargetField::Type::Section;
    if (item.is_block && !is_section) {
      context.diags.error("E0222", item.key_range,
                          fmt::format("'{}' holds a value ({}) in pipelock, not a section; write '{} = ...'",
                                      key_path, target_type_name(field->type), item.key));
    } else if (!item.is_block && is_section) {
      context.diags.error("E0222", item.key_range,
                          fmt::format("'{}' is a section in pipelock; write '{} {{ ... }}'",
                                      key_path, item.key));
      checker.check(*item.value);
    } else if (item.is_block) {
      check_items(context, item.children, *field, key_path);
    } else {
      checker.check(*item.value);
      checker.coerce(*item.value, accepted_type(*field), fmt::format("pipelock field '{}'", key_path));
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
