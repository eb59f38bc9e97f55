#include "runtime/evaluate.hpp"

#include <algorithm>
#include <map>

#include "runtime/pipelock_schema.hpp"

namespace policyc {

using ast::Expr;

namespace {

Value literal(Value value, const Expr& expr, const EvalEnv& env) {
  value.origins.push_back({env.declaration, expr.range, {}, {}});
  return value;
}

bool truthy(const Value& value) { return value.kind == Value::Kind::Bool && value.boolean; }

bool value_less(const Value& a, const Value& b) {
  if (a.kind == Value::Kind::Int && b.kind == Value::Kind::Int) return a.integer < b.integer;
  return a.string < b.string;
}

Value bind_each(const Expr& expr, EvalEnv& env) {
  const bool comprehension = expr.kind == Expr::Kind::Comprehension;
  Value source = evaluate_expr(*expr.operands[comprehension ? 1 : 0], env);
  Value result = comprehension ? Value::of_list({}) : Value::of_bool(expr.boolean);
  for (const Value& item : source.items) {
    env.locals.push_back(&item);
    if (comprehension) {
      bool keep = expr.operands.size() < 3 || truthy(evaluate_expr(*expr.operands[2], env));
      if (keep) result.items.push_back(evaluate_expr(*expr.operands[0], env));
    } else {
      bool holds = truthy(evaluate_expr(*expr.operands[1], env));
      env.locals.pop_back();
      // any: the first match decides; all: the first miss decides.
      if (holds != expr.boolean) return Value::of_bool(holds);
      continue;
    }
    env.locals.pop_back();
  }
  return result;
}

Value call(const Expr& expr, EvalEnv& env) {
  Value arg = evaluate_expr(*expr.operands[0], env);
  if (expr.text == "present") return Value::of_bool(!arg.is_null());
  if (expr.text == "len") {
    std::size_t n = arg.kind == Value::Kind::List     ? arg.items.size()
                    : arg.kind == Value::Kind::Record ? arg.fields.size()
                                                      : arg.string.size();
    return Value::of_int(static_cast<std::int64_t>(n));
  }
  std::stable_sort(arg.items.begin(), arg.items.end(), value_less);  // sorted
  return arg;
}

Value name(const Expr& expr, EvalEnv& env) {
  switch (expr.binding) {
    case ast::Binding::Local:
      return *env.locals.at(expr.slot);
    case ast::Binding::Constant:
      return env.program.constants.at(expr.slot).value;
    case ast::Binding::Set:
      return env.sets ? env.sets->at(expr.slot) : Value::of_list({});
    case ast::Binding::Manifest:
      return env.manifest ? *env.manifest : Value::null();
    case ast::Binding::Params:
      return env.params ? *env.params : Value::null();
    case ast::Binding::Unresolved:
      break;
  }
  return Value::null();
}

}  // namespace

Value default_record(const Type& type, EvalEnv& env) {
  Value record = Value::of_record();
  if (type.kind != Type::Kind::Record || !type.record) return record;
  for (const FieldType& field : type.record->fields) {
    Value value;
    if (field.default_expr) {
      std::string saved = env.declaration;
      env.declaration = type.record->name + "." + field.name;
      value = evaluate_expr(*field.default_expr, env);
      env.declaration = saved;
    }
    record.fields.emplace_back(field.name, std::move(value));
  }
  return record;
}

Value evaluate_expr(const Expr& expr, EvalEnv& env) {
  switch (expr.kind) {
    case Expr::Kind::String:
      return literal(Value::of_string(expr.text), expr, env);
    case Expr::Kind::Integer:
      return literal(Value::of_int(expr.integer), expr, env);
    case Expr::Kind::Bool:
      return literal(Value::of_bool(expr.boolean), expr, env);
    case Expr::Kind::EmptyRecord:
      return default_record(*expr.type, env);
    case Expr::Kind::List: {
      Value list = Value::of_list({});
      for (const auto& item : expr.operands) list.items.push_back(evaluate_expr(*item, env));
      return list;
    }
    case Expr::Kind::Comprehension:
    case Expr::Kind::Quantifier:
      return bind_each(expr, env);
    case Expr::Kind::Call:
      return call(expr, env);
    case Expr::Kind::Name:
      return name(expr, env);
    case Expr::Kind::Member: {
      Value object = evaluate_expr(*expr.operands[0], env);
      const Value* field = object.field(expr.text);
      return field ? *field : Value::null();
    }
    case Expr::Kind::Add: {
      Value left = evaluate_expr(*expr.operands[0], env);
      Value right = evaluate_expr(*expr.operands[1], env);
      for (Value& item : right.items) left.items.push_back(std::move(item));
      return left;
    }
    case Expr::Kind::Equal:
    case Expr::Kind::NotEqual: {
      bool equal =
          evaluate_expr(*expr.operands[0], env).equals(evaluate_expr(*expr.operands[1], env));
      return Value::of_bool(equal == (expr.kind == Expr::Kind::Equal));
    }
    case Expr::Kind::In: {
      Value needle = evaluate_expr(*expr.operands[0], env);
      Value haystack = evaluate_expr(*expr.operands[1], env);
      bool found = std::any_of(haystack.items.begin(), haystack.items.end(),
                               [&](const Value& item) { return item.equals(needle); });
      return Value::of_bool(found);
    }
    case Expr::Kind::Not:
      return Value::of_bool(!truthy(evaluate_expr(*expr.operands[0], env)));
    case Expr::Kind::And:
      return Value::of_bool(truthy(evaluate_expr(*expr.operands[0], env)) &&
                            truthy(evaluate_expr(*expr.operands[1], env)));
    case Expr::Kind::Or:
      return Value::of_bool(truthy(evaluate_expr(*expr.operands[0], env)) ||
                            truthy(evaluate_expr(*expr.operands[1], env)));
  }
  return Value::null();
}

namespace {

// Adds one rule's contribution to a set; the rule becomes the first reason of each
// element, followed by the element's own (the constant or manifest node it came from).
void add_to_set(std::map<std::string, Value>& set, Value element, const ast::Rule& rule,
                const ast::AddStatement& add) {
  if (element.is_null()) return;
  Provenance reason{rule.name, add.value->range, {}, {}};
  for (const Provenance& origin : element.origins) {
    if (origin.input_range.valid()) {
      reason.input_path = origin.input_path;
      reason.input_range = origin.input_range;
      break;
    }
  }
  element.origins.insert(element.origins.begin(), reason);
  auto [it, inserted] = set.emplace(element.string, element);
  if (!inserted) {
    for (const Provenance& origin : element.origins) it->second.origins.push_back(origin);
  }
}

std::vector<OutputNode> build_output(const std::vector<ast::OutputItem>& items,
                                     const TargetField& section, EvalEnv& env) {
  std::vector<OutputNode> nodes;
  for (const ast::OutputItem& item : items) {
    if (item.condition && !truthy(evaluate_expr(*item.condition, env))) continue;
    OutputNode node;
    node.key = item.key;
    node.origin = item.key_range;
    node.field = find_target_field(section, item.key);
    node.is_section = item.is_block;
    if (item.is_block) {
      node.children = build_output(item.children, *node.field, env);
    } else {
      node.value = evaluate_expr(*item.value, env);
      if (node.value.is_null()) continue;  // absent values are left to pipelock's default
    }
    nodes.push_back(std::move(node));
  }
  return nodes;
}

}  // namespace

Evaluation evaluate_program(const ir::Program& program, const Value& manifest,
                            const Value& params) {
  Evaluation result;
  EvalEnv env{program, &manifest, &params, nullptr, {}, {}};
  std::vector<std::map<std::string, Value>> sets(program.sets.size());
  for (const ast::Rule* rule : program.rules) {
    env.declaration = rule->name;
    if (rule->condition && !truthy(evaluate_expr(*rule->condition, env))) continue;
    for (const ast::AddStatement& add : rule->adds) {
      Value value = evaluate_expr(*add.value, env);
      if (value.kind != Value::Kind::List) {
        add_to_set(sets[add.set_index], std::move(value), *rule, add);
        continue;
      }
      for (Value& element : value.items)
        add_to_set(sets[add.set_index], std::move(element), *rule, add);
    }
  }
  for (auto& set : sets) {
    Value list = Value::of_list({});
    for (auto& [key, element] : set) list.items.push_back(std::move(element));
    result.sets.push_back(std::move(list));
  }
  env.sets = &result.sets;
  env.declaration = "output";
  if (program.output) result.output = build_output(program.output->items, pipelock_schema(), env);
  return result;
}

}  // namespace policyc
