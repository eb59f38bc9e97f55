#include "compiler/check/expr_checker.hpp"

#include <algorithm>

#include <fmt/format.h>

#include <algorithm>

#include "compiler/syntax/limits.hpp"
#include "compiler/check/builtins.hpp"
#include "compiler/check/literal_check.hpp"
#include "compiler/check/target_types.hpp"
#include "compiler/check/type_resolution.hpp"

namespace policyc {

using ast::Expr;

namespace {

TypeRef error_type() { return make_type(Type::Kind::Error); }
bool is_error(const TypeRef& type) { return !type || type->kind == Type::Kind::Error; }

TypeRef empty_list_type() { return make_list(error_type()); }

// Two types that `==` can compare: both string-like, or the same kind of value.
bool comparable(const Type& a, const Type& b) {
  if (a.kind == Type::Kind::Error || b.kind == Type::Kind::Error) return true;
  if (is_string_like(a) && is_string_like(b)) return true;
  if (a.kind == Type::Kind::List && b.kind == Type::Kind::List) {
    return comparable(*a.element, *b.element);
  }
  return a.kind == b.kind && a.record == b.record;
}

}  // namespace

std::vector<std::string> ExprChecker::visible_names() const {
  std::vector<std::string> names;
  for (const auto& [name, type] : locals_) names.push_back(name);
  for (const auto& [name, index] : context_.constants) names.push_back(name);
  if (scope_ != Scope::Constant) {
    if (scope_ == Scope::Output) {
      for (const auto& [name, index] : context_.sets) names.push_back(name);
    }
    names.push_back(context_.program.manifest_name);
    names.push_back("params");
  }
  return names;
}

TypeRef ExprChecker::constant_type(std::size_t index) {
  ir::Constant& constant = context_.program.constants[index];
  if (constant.state != ir::Constant::State::Unchecked) {
    return constant.type ? constant.type : error_type();
  }
  ast::Const& decl = *constant.decl;
  if (context_.constant_depth >= kMaxConstantChain) {
    context_.diags.error("E0806", decl.name_range,
                         fmt::format("a chain of constants defined through one another "
                                     "grows past {} here, at '{}' (limit)",
                                     kMaxConstantChain, decl.name));
    constant.state = ir::Constant::State::Checked;
    return error_type();
  }
  constant.state = ir::Constant::State::Checking;
  ++context_.constant_depth;
  ExprChecker inner(context_, decl.reads_bottle ? Scope::Let : Scope::Constant);
  TypeRef type;
  if (decl.type) {
    type = resolve_type(context_, *decl.type);
    inner.coerce(*decl.value, type, fmt::format("constant '{}'", decl.name));
  } else {
    type = inner.check(*decl.value);
  }
  --context_.constant_depth;
  constant.type = type;
  constant.state = ir::Constant::State::Checked;
  return type;
}

TypeRef ExprChecker::check_name(Expr& expr) {
  for (std::size_t i = locals_.size(); i-- > 0;) {
    if (locals_[i].first != expr.text) continue;
    expr.binding = ast::Binding::Local;
    expr.slot = i;
    return locals_[i].second;
  }
  if (auto it = context_.constants.find(expr.text); it != context_.constants.end()) {
    const ir::Constant& constant = context_.program.constants[it->second];
    const bool reads_bottle = constant.decl->reads_bottle;
    expr.binding = reads_bottle ? ast::Binding::Let : ast::Binding::Constant;
    expr.slot = it->second;
    if (constant.state == ir::Constant::State::Checking) {
      Diagnostic& d = context_.diags.error(
          "E0208", expr.range,
          fmt::format("{} '{}' depends on itself", reads_bottle ? "let" : "constant", expr.text));
      d.notes.push_back({constant.decl->name_range, "declared here"});
      return error_type();
    }
    if (reads_bottle && scope_ == Scope::Constant) {
      Diagnostic& d = context_.diags.error(
          "E0209", expr.range,
          fmt::format("'{}' is a `let`, computed for each bottle; a constant or a default "
                      "cannot use it",
                      expr.text));
      d.notes.push_back({constant.decl->name_range, "declared here"});
      return error_type();
    }
    return constant_type(it->second);
  }
  const bool is_set = context_.sets.count(expr.text) > 0;
  const bool is_manifest = expr.text == context_.program.manifest_name && context_.program.manifest;
  const bool is_params = expr.text == "params";
  if ((is_set || is_manifest || is_params) && scope_ == Scope::Constant) {
    context_.diags.error("E0209", expr.range,
                         fmt::format("'{}' is known only when a bottle is compiled; a constant "
                                     "or a default cannot use it",
                                     expr.text));
    return error_type();
  }
  if (is_set && (scope_ == Scope::Rule || scope_ == Scope::Let)) {
    context_.diags.error("E0209", expr.range,
                         fmt::format("set '{}' is complete only after every rule has run; read "
                                     "it in the output, not in a {}",
                                     expr.text, scope_ == Scope::Rule ? "rule" : "`let`"));
    return error_type();
  }
  if (is_set) {
    expr.binding = ast::Binding::Set;
    expr.slot = context_.sets.at(expr.text);
    return make_list(context_.program.sets[expr.slot].element);
  }
  if (is_manifest || is_params) {
    expr.binding = is_manifest ? ast::Binding::Manifest : ast::Binding::Params;
    auto type = std::make_shared<Type>();
    type->kind = Type::Kind::Record;
    type->record = is_manifest ? context_.program.manifest : context_.program.params;
    return type;
  }
  Diagnostic& d = context_.diags.error("E0202", expr.range, fmt::format("unknown name '{}'", expr.text));
  add_suggestion(d, expr.text, visible_names());
  return error_type();
}

TypeRef ExprChecker::check_member(Expr& expr) {
  TypeRef object = check(*expr.operands[0]);
  if (is_error(object)) return object;
  if (object->kind == Type::Kind::Map) return with_optional(object->element, true);
  if (object->kind != Type::Kind::Record || !object->record) {
    context_.diags.error("E0210", expr.text_range,
                         fmt::format("a value of type {} has no fields", type_name(*object)));
    return error_type();
  }
  const FieldType* field = object->record->find(expr.text);
  if (!field) {
    Diagnostic& d = context_.diags.error(
        "E0202", expr.text_range,
        fmt::format("'{}' has no field '{}'", object->record->name, expr.text));
    add_suggestion(d, expr.text, object->record->field_names());
    d.notes.push_back({object->record->range, fmt::format("'{}' is declared here", object->record->name)});
    return error_type();
  }
  return object->optional ? with_optional(field->type, true) : field->type;
}

TypeRef ExprChecker::check_call(Expr& expr) {
  std::vector<TypeRef> args;
  for (auto& operand : expr.operands) args.push_back(check(*operand));
  auto expect_arity = [&](std::size_t n) {
    if (args.size() == n) return true;
    context_.diags.error("E0211", expr.range,
                         fmt::format("'{}' takes {} argument{}, got {}", expr.text, n,
                                     n == 1 ? "" : "s", args.size()));
    return false;
  };
  const BuiltinFunction* found = find_builtin(expr.text);
  const ast::Builtin builtin = found ? found->builtin : ast::Builtin::Unresolved;
  expr.builtin = builtin;
  switch (builtin) {
    case ast::Builtin::Present:
      expect_arity(1);
      return make_type(Type::Kind::Bool);
    case ast::Builtin::Sorted:
    case ast::Builtin::Len: {
      const bool len = builtin == ast::Builtin::Len;
      if (!expect_arity(1) || is_error(args[0])) return len ? make_type(Type::Kind::Int) : error_type();
      const Type& arg = *args[0];
      bool ok = len ? (arg.kind == Type::Kind::List || arg.kind == Type::Kind::Map || is_string_like(arg))
                    : (arg.kind == Type::Kind::List &&
                       (is_string_like(*arg.element) || arg.element->kind == Type::Kind::Int ||
                        arg.element->kind == Type::Kind::Error));
      if (!ok || arg.optional) {
        context_.diags.error("E0210", expr.operands[0]->range,
                             fmt::format("'{}' cannot take a value of type {}", expr.text, type_name(arg)));
      }
      return len ? make_type(Type::Kind::Int) : args[0];
    }
    case ast::Builtin::Flatten:
    case ast::Builtin::Keys:
    case ast::Builtin::Values: {
      if (!expect_arity(1) || is_error(args[0])) return error_type();
      const Type& arg = *args[0];
      const bool flatten = builtin == ast::Builtin::Flatten;
      const bool ok = !arg.optional && (flatten ? arg.kind == Type::Kind::List &&
                                                      arg.element->kind == Type::Kind::List &&
                                                      !arg.element->optional
                                                : arg.kind == Type::Kind::Map);
      if (!ok) {
        context_.diags.error("E0210", expr.operands[0]->range,
                             fmt::format("'{}' takes {}, got {}", expr.text,
                                         flatten ? "a list of lists" : "a map", type_name(arg)));
        return error_type();
      }
      if (flatten) return arg.element;
      return make_list(builtin == ast::Builtin::Keys ? make_type(Type::Kind::String) : arg.element);
    }
    case ast::Builtin::Unresolved:
      break;
  }
  std::vector<std::string> names;
  for (const BuiltinFunction& entry : kBuiltins) names.emplace_back(entry.name);
  Diagnostic& d = context_.diags.error("E0202", expr.text_range,
                                       fmt::format("unknown function '{}'", expr.text));
  add_suggestion(d, expr.text, names);
  if (d.suggestion.empty()) {
    d.notes.push_back({{}, "the functions are sorted(), len(), present(), flatten(), keys() and values()"});
  }
  return error_type();
}

TypeRef ExprChecker::check_list(Expr& expr) {
  if (expr.operands.empty()) return empty_list_type();
  TypeRef element = check(*expr.operands[0]);
  for (std::size_t i = 1; i < expr.operands.size(); ++i) {
    TypeRef other = check(*expr.operands[i]);
    if (is_error(element)) element = other;
    if (!is_error(other) && !is_assignable(*other, *element) && !is_assignable(*element, *other)) {
      context_.diags.error("E0210", expr.operands[i]->range,
                           fmt::format("list element of type {} among elements of type {}",
                                       type_name(*other), type_name(*element)));
    }
  }
  return make_list(element);
}

// The type of the loop's value variable; errors when the source cannot be iterated
// with the names written: a list takes one name, a map two (`key, value`).
TypeRef ExprChecker::loop_variable(Expr& source_expr, const TypeRef& source, bool binds_key) {
  if (is_error(source)) return error_type();
  const bool list = source->kind == Type::Kind::List;
  const bool map = source->kind == Type::Kind::Map;
  if (source->optional || (!list && !map)) {
    context_.diags.error("E0210", source_expr.range,
                         fmt::format("'in' needs a list or a map, got {}", type_name(*source)));
    return error_type();
  }
  if (map && !binds_key) {
    Diagnostic& d = context_.diags.error(
        "E0210", source_expr.range,
        fmt::format("a {} is iterated with two names, its key and its value", type_name(*source)));
    d.notes.push_back({{}, "write 'for key, value in ...', or iterate keys(...) or values(...)"});
    return error_type();
  }
  if (list && binds_key) {
    context_.diags.error("E0210", source_expr.range,
                         fmt::format("a {} is iterated with one name; two names ('key, value') "
                                     "iterate a map",
                                     type_name(*source)));
    return error_type();
  }
  return source->element;
}

// A record literal's values, typed without a target; coerce_record checks them against
// the record or map they are used as.
TypeRef ExprChecker::check_record(Expr& expr) {
  for (std::size_t i = 0; i < expr.operands.size(); ++i) {
    check(*expr.operands[i]);
    for (std::size_t j = 0; j < i; ++j) {
      if (expr.field_names[j] != expr.field_names[i]) continue;
      Diagnostic& d = context_.diags.error(
          "E0201", expr.field_ranges[i],
          fmt::format("field '{}' is given twice in one record", expr.field_names[i]));
      d.notes.push_back({expr.field_ranges[j], "first given here"});
      break;
    }
  }
  return make_type(Type::Kind::Record);
}

void ExprChecker::coerce_record(Expr& literal, const Type& target) {
  if (target.kind == Type::Kind::Map) {
    for (std::size_t i = 0; i < literal.operands.size(); ++i) {
      coerce(*literal.operands[i], target.element,
             fmt::format("map entry '{}'", literal.field_names[i]));
    }
    return;
  }
  const RecordType* record = target.record;
  if (!record) return;
  for (std::size_t i = 0; i < literal.operands.size(); ++i) {
    const std::string& name = literal.field_names[i];
    if (const FieldType* field = record->find(name)) {
      coerce(*literal.operands[i], field->type, fmt::format("field '{}' of {}", name, record->name));
    } else if (record->target) {
      report_unknown_target_field(context_.diags, name, literal.field_ranges[i], *record->target,
                                  record->name);
    } else {
      Diagnostic& d = context_.diags.error(
          "E0202", literal.field_ranges[i],
          fmt::format("'{}' has no field '{}'", record->name, name));
      add_suggestion(d, name, record->field_names());
      d.notes.push_back({record->range, fmt::format("'{}' is declared here", record->name)});
    }
  }
  for (const FieldType& field : record->fields) {
    if (!field.required() ||
        std::find(literal.field_names.begin(), literal.field_names.end(), field.name) !=
            literal.field_names.end()) {
      continue;
    }
    Diagnostic& d = context_.diags.error(
        "E0213", literal.range,
        literal.operands.empty()
            ? fmt::format("'{}' cannot be empty: field '{}' is required", record->name, field.name)
            : fmt::format("'{}' needs field '{}', which is required", record->name, field.name));
    if (field.range.valid()) d.notes.push_back({field.range, "declared here"});
  }
}

TypeRef ExprChecker::check_binding_scope(Expr& expr) {
  const bool comprehension = expr.kind == Expr::Kind::Comprehension;
  Expr& source = *expr.operands[comprehension ? 1 : 0];
  const bool binds_key = !expr.key_name.empty();
  TypeRef variable = loop_variable(source, check(source), binds_key);
  if (binds_key) locals_.emplace_back(expr.key_name, make_type(Type::Kind::String));
  locals_.emplace_back(expr.text, variable);
  TypeRef result;
  if (comprehension) {
    if (expr.operands.size() > 2) expect_condition(*expr.operands[2]);
    result = make_list(check(*expr.operands[0]));
  } else {
    expect_condition(*expr.operands[1]);
    result = make_type(Type::Kind::Bool);
  }
  locals_.pop_back();
  if (binds_key) locals_.pop_back();
  return result;
}

// Both branches have one type; a missing `else` is absent, so the result is optional.
TypeRef ExprChecker::check_conditional(Expr& expr) {
  expect_condition(*expr.operands[0]);
  TypeRef then_type = check(*expr.operands[1]);
  if (expr.operands.size() < 3) return is_error(then_type) ? then_type : with_optional(then_type, true);
  TypeRef else_type = check(*expr.operands[2]);
  if (is_error(then_type)) return else_type;
  if (is_error(else_type)) return then_type;
  const bool optional = then_type->optional || else_type->optional;
  TypeRef plain_then = with_optional(then_type, false);
  TypeRef plain_else = with_optional(else_type, false);
  if (is_assignable(*plain_else, *plain_then)) return with_optional(plain_then, optional);
  if (is_assignable(*plain_then, *plain_else)) return with_optional(plain_else, optional);
  Diagnostic& d = context_.diags.error(
      "E0210", expr.operands[2]->range,
      fmt::format("the branches of 'if' differ: {} after 'then', {} after 'else'",
                  type_name(*then_type), type_name(*else_type)));
  d.notes.push_back({expr.operands[1]->range, "the 'then' branch"});
  return error_type();
}

TypeRef ExprChecker::check_comparison(Expr& expr) {
  Expr& lhs = *expr.operands[0];
  Expr& rhs = *expr.operands[1];
  TypeRef left = check(lhs);
  TypeRef right = check(rhs);
  if (is_error(left) || is_error(right)) return make_type(Type::Kind::Bool);
  if (expr.kind == Expr::Kind::In) {
    if (right->kind != Type::Kind::List || right->optional) {
      context_.diags.error("E0210", rhs.range,
                           fmt::format("'in' needs a list on its right, got {}", type_name(*right)));
    } else if (!coerce_literal(lhs, *right->element) && !comparable(*left, *right->element)) {
      context_.diags.error("E0210", expr.text_range,
                           fmt::format("cannot look for {} in {}", type_name(*left), type_name(*right)));
    }
    return make_type(Type::Kind::Bool);
  }
  // A literal compared with a hostname or an enum is checked as one, so a comparison
  // that can never hold is an error rather than a silent false.
  bool literal_checked = coerce_literal(rhs, *left) || coerce_literal(lhs, *right);
  if (!literal_checked && !comparable(*left, *right)) {
    context_.diags.error("E0210", expr.text_range,
                         fmt::format("cannot compare {} with {}", type_name(*left), type_name(*right)));
  }
  return make_type(Type::Kind::Bool);
}

TypeRef ExprChecker::check_logic(Expr& expr) {
  for (auto& operand : expr.operands) expect_condition(*operand);
  return make_type(Type::Kind::Bool);
}

TypeRef ExprChecker::check_add(Expr& expr) {
  TypeRef left = check(*expr.operands[0]);
  TypeRef right = check(*expr.operands[1]);
  // One bad side already has its error; the other, untyped, would only add a second one.
  if (is_error(left) || is_error(right)) return error_type();
  if (left->kind == Type::Kind::List && right->kind == Type::Kind::List && !left->optional &&
      !right->optional) {
    if (is_error(left->element)) return right;
    if (is_error(right->element) || is_assignable(*right->element, *left->element)) return left;
    if (is_assignable(*left->element, *right->element)) return right;
  }
  context_.diags.error("E0210", expr.range,
                       fmt::format("'+' joins two lists of the same type, got {} and {}",
                                   type_name(*left), type_name(*right)));
  return error_type();
}

TypeRef ExprChecker::check(Expr& expr) {
  TypeRef type;
  switch (expr.kind) {
    case Expr::Kind::String: type = make_type(Type::Kind::String); break;
    case Expr::Kind::Integer:
      if (expr.integer_overflow) {
        context_.diags.error("E0212", expr.range, "integer literal is out of range");
      }
      type = make_type(Type::Kind::Int);
      break;
    case Expr::Kind::Bool: type = make_type(Type::Kind::Bool); break;
    case Expr::Kind::Record: type = check_record(expr); break;
    case Expr::Kind::List: type = check_list(expr); break;
    case Expr::Kind::Comprehension:
    case Expr::Kind::Quantifier: type = check_binding_scope(expr); break;
    case Expr::Kind::Call: type = check_call(expr); break;
    case Expr::Kind::Name: type = check_name(expr); break;
    case Expr::Kind::Member: type = check_member(expr); break;
    case Expr::Kind::Add: type = check_add(expr); break;
    case Expr::Kind::Equal:
    case Expr::Kind::NotEqual:
    case Expr::Kind::In: type = check_comparison(expr); break;
    case Expr::Kind::Not:
    case Expr::Kind::And:
    case Expr::Kind::Or: type = check_logic(expr); break;
    case Expr::Kind::Conditional: type = check_conditional(expr); break;
  }
  expr.type = type;
  return type;
}

void ExprChecker::expect_condition(Expr& expr) {
  TypeRef type = check(expr);
  if (is_error(type)) return;
  if (type->kind != Type::Kind::Bool || type->optional) {
    context_.diags.error("E0210", expr.range,
                         fmt::format("a condition must be a bool, got {}", type_name(*type)));
  }
}

void ExprChecker::report_mismatch(const Expr& expr, const Type& target, const std::string& where) {
  context_.diags.error("E0210", expr.range,
                       fmt::format("{} expects {}, got {}", where,
                                   type_name(*with_optional(std::make_shared<Type>(target), false)),
                                   type_name(*expr.type)));
}

bool ExprChecker::coerce_literal(Expr& expr, const Type& target) {
  if (target.kind == Type::Kind::Error) return false;
  if (expr.kind == Expr::Kind::String && is_string_like(target) && target.kind != Type::Kind::String) {
    check_string_literal(context_, expr, target);
    expr.type = with_optional(std::make_shared<Type>(target), false);
    return true;
  }
  if (expr.kind == Expr::Kind::List && target.kind == Type::Kind::List) {
    for (auto& element : expr.operands) {
      if (!coerce_literal(*element, *target.element)) {
        TypeRef element_type = element->type ? element->type : check(*element);
        if (!is_assignable(*element_type, *target.element)) {
          report_mismatch(*element, *target.element, "a list element");
        }
      }
    }
    expr.type = with_optional(std::make_shared<Type>(target), false);
    return true;
  }
  if (expr.kind == Expr::Kind::Conditional) {
    if (is_error(expr.type)) return true;  // the branches differ: reported once, by check
    const TypeRef plain = with_optional(std::make_shared<Type>(target), false);
    for (std::size_t i = 1; i < expr.operands.size(); ++i) {
      Expr& branch = *expr.operands[i];
      if (!coerce_literal(branch, *plain) && !is_assignable(*branch.type, target)) {
        report_mismatch(branch, target, i == 1 ? "the 'then' branch" : "the 'else' branch");
      }
    }
    const bool absent = expr.operands.size() < 3 ||
                        std::any_of(expr.operands.begin() + 1, expr.operands.end(),
                                    [](const auto& b) { return b->type && b->type->optional; });
    if (absent && !target.optional && expr.operands.size() < 3) {
      context_.diags.error("E0210", expr.range,
                           fmt::format("an 'if' without 'else' has no value when its condition "
                                       "fails, and {} is needed here; add 'else VALUE'",
                                       type_name(*plain)));
    }
    expr.type = with_optional(plain, absent);
    return true;
  }
  if (expr.kind == Expr::Kind::Record &&
      (target.kind == Type::Kind::Record || target.kind == Type::Kind::Map)) {
    coerce_record(expr, target);
    expr.type = with_optional(std::make_shared<Type>(target), false);
    return true;
  }
  return false;
}

void ExprChecker::coerce(Expr& expr, const TypeRef& target, const std::string& where) {
  if (!expr.type) check(expr);
  if (coerce_literal(expr, *target)) return;
  if (!is_assignable(*expr.type, *target)) report_mismatch(expr, *target, where);
}

}  // namespace policyc
