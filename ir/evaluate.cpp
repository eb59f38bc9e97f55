#include "ir/evaluate.hpp"

#include <algorithm>
#include <cstdint>

#include "pipelock/schema/output_schema.hpp"

namespace policyc {

using ast::Expr;

namespace {

bool spend(EvalEnv& env, std::uint64_t steps, const Expr& at) {
  return env.budget == nullptr || env.budget->spend(steps, at);
}

// What copying `value` costs: its nodes, counted up to `cap` and no further, and the
// bytes they hold (a node's own size, its string, its field names). A string is shared
// by its copies, but counts in full at each: each copy is written out in full.
struct CopyCost {
  std::uint64_t nodes = 0;
  std::uint64_t bytes = 0;
};

std::uint64_t node_bytes(const Value& value) {
  return sizeof(Value) + value.string.size() + value.origins.size() * sizeof(Provenance);
}

CopyCost copy_cost(const Value& value, std::uint64_t cap) {
  if (value.items.empty() && value.fields.empty()) return {1, node_bytes(value)};  // a scalar
  CopyCost cost;
  std::vector<const Value*> pending{&value};
  while (!pending.empty() && cost.nodes <= cap) {
    const Value* next = pending.back();
    pending.pop_back();
    ++cost.nodes;
    cost.bytes += node_bytes(*next);
    for (const Value& item : next->items) pending.push_back(&item);
    for (const auto& field : next->fields) {
      cost.bytes += field.first.size();
      pending.push_back(&field.second);
    }
  }
  return cost;
}

// The value of an expression without copying what it names: a manifest field, a
// parameter, a constant, a set or a loop variable is borrowed; only what the expression
// builds is owned. Copying on every name and field access made a large manifest's
// evaluation quadratic in practice (each comprehension copied the whole manifest).
class Ref {
 public:
  explicit Ref(const Value* borrowed) : borrowed_(borrowed) {}
  Ref(Value owned) : owned_(std::move(owned)) {}  // NOLINT: built values convert implicitly
  const Value& get() const { return borrowed_ ? *borrowed_ : owned_; }
  // A borrowed value is copied, and the copy is paid for; `at` is what asked for it.
  Value take(EvalEnv& env, const Expr& at) {
    if (!borrowed_) return std::move(owned_);
    if (env.budget) {
      const CopyCost cost = copy_cost(*borrowed_, env.budget->left());
      if (!env.budget->spend(cost.nodes, at) || !env.budget->allocate(cost.bytes, at)) {
        return Value::null();
      }
    }
    return *borrowed_;
  }

  // The field `name`, borrowed from a borrowed record, moved out of an owned one.
  Ref field(const std::string& name) {
    if (borrowed_) {
      const Value* found = borrowed_->field(name);
      return found ? Ref(found) : Ref(Value::null());
    }
    for (auto& [key, value] : owned_.fields) {
      if (key == name) return Ref(std::move(value));
    }
    return Ref(Value::null());
  }

 private:
  const Value* borrowed_ = nullptr;
  Value owned_;
};

Ref evaluate_ref(const Expr& expr, EvalEnv& env);

Value literal(Value value, const Expr& expr, const EvalEnv& env) {
  value.origins.push_back({env.declaration, expr.range, {}, {}});
  // A literal inside a loop is built once per element.
  if (env.budget && !env.budget->allocate(node_bytes(value), expr)) return Value::null();
  return value;
}

bool truthy(const Value& value) { return value.kind == Value::Kind::Bool && value.boolean; }

bool holds(const Expr& expr, EvalEnv& env) { return truthy(evaluate_ref(expr, env).get()); }

bool value_less(const Value& a, const Value& b) {
  if (a.kind == Value::Kind::Int && b.kind == Value::Kind::Int) return a.integer < b.integer;
  return a.string < b.string;
}

// The loop of a comprehension or quantifier, known to the budget while it runs.
class LoopScope {
 public:
  LoopScope(EvalEnv& env, const Expr& loop) : budget_(env.budget) {
    if (budget_) budget_->enter_loop(loop);
  }
  ~LoopScope() {
    if (budget_) budget_->leave_loop();
  }
  LoopScope(const LoopScope&) = delete;
  LoopScope& operator=(const LoopScope&) = delete;

 private:
  EvalBudget* budget_;
};

// One pass of a comprehension or quantifier with its variables bound; false when a
// quantifier is decided and the loop ends.
bool bind_one(const Expr& expr, EvalEnv& env, Value& result) {
  if (expr.kind == Expr::Kind::Comprehension) {
    const bool keep = expr.operands.size() < 3 || holds(*expr.operands[2], env);
    const Expr& element = *expr.operands[0];
    if (keep) result.items.push_back(evaluate_ref(element, env).take(env, element));
    return true;
  }
  // any: the first match decides; all: the first miss decides.
  const bool holds_here = holds(*expr.operands[1], env);
  if (holds_here == expr.boolean) return true;
  result = Value::of_bool(holds_here);
  return false;
}

// A map's key as a value: a string that came from where its entry did.
Value key_value(const std::pair<std::string, Value>& entry) {
  Value key = Value::of_string(entry.first);
  key.origins = entry.second.origins;
  return key;
}

Value bind_each(const Expr& expr, EvalEnv& env) {
  const bool comprehension = expr.kind == Expr::Kind::Comprehension;
  const Ref source = evaluate_ref(*expr.operands[comprehension ? 1 : 0], env);
  Value result = comprehension ? Value::of_list({}) : Value::of_bool(expr.boolean);
  const LoopScope scope(env, expr);
  const std::size_t depth = env.locals.size();
  bool going = true;
  if (expr.key_name.empty()) {
    for (const Value& item : source.get().items) {
      if (!going || !spend(env, 1, expr)) break;
      env.locals.push_back(&item);
      going = bind_one(expr, env, result);
      env.locals.resize(depth);
    }
    return result;
  }
  for (const auto& entry : source.get().fields) {
    if (!going || !spend(env, 1, expr)) break;
    const Value key = key_value(entry);
    env.locals.push_back(&key);
    env.locals.push_back(&entry.second);
    going = bind_one(expr, env, result);
    env.locals.resize(depth);
  }
  return result;
}

// `flatten(lists)`, `keys(map)`, `values(map)`: one list built from the argument.
Value gather(Ref arg, ast::Builtin builtin, EvalEnv& env, const Expr& expr) {
  Value whole = arg.take(env, expr);
  Value list = Value::of_list({});
  if (builtin == ast::Builtin::Flatten) {
    for (Value& inner : whole.items) {
      for (Value& item : inner.items) list.items.push_back(std::move(item));
    }
    return list;
  }
  for (auto& entry : whole.fields) {
    list.items.push_back(builtin == ast::Builtin::Keys ? key_value(entry) : std::move(entry.second));
  }
  return list;
}

// A `let` is computed once per evaluation, where it is first read, as if at the top
// level: no loop variable of the reader is visible to it.
Ref let_value(const Expr& expr, EvalEnv& env) {
  const ast::Const& decl = *env.program.constants.at(expr.slot).decl;
  if (env.lets && env.lets->done.at(expr.slot)) return Ref(&env.lets->values[expr.slot]);
  std::vector<const Value*> locals;
  locals.swap(env.locals);
  SharedText saved = env.declaration;
  env.declaration = decl.name;
  Value value = evaluate_ref(*decl.value, env).take(env, *decl.value);
  env.declaration = std::move(saved);
  env.locals.swap(locals);
  if (!env.lets) return value;
  env.lets->values[expr.slot] = std::move(value);
  env.lets->done[expr.slot] = true;
  return Ref(&env.lets->values[expr.slot]);
}

// A field's default, evaluated as the declaration `Record.field`; null without one.
Value field_default(const RecordType& type, const FieldType& field, EvalEnv& env) {
  if (!field.default_expr) return Value::null();
  SharedText saved = env.declaration;
  env.declaration = type.name + "." + field.name;
  Value value = evaluate_expr(*field.default_expr, env);
  env.declaration = saved;
  return value;
}

// A record's fields in its order: those written, the others from their defaults (null,
// so left out of the output, without one). A map's entries in the order written.
Value record_literal(const Expr& expr, EvalEnv& env) {
  auto written = [&](const std::string& name) -> const Expr* {
    for (std::size_t i = 0; i < expr.field_names.size(); ++i) {
      if (expr.field_names[i] == name) return expr.operands[i].get();
    }
    return nullptr;
  };
  Value record = Value::of_record();
  const RecordType* type = expr.type && expr.type->kind == Type::Kind::Record ? expr.type->record
                                                                               : nullptr;
  for (const FieldType& field : type ? type->fields : std::vector<FieldType>()) {
    const Expr* value = written(field.name);
    record.fields.emplace_back(field.name, value ? evaluate_ref(*value, env).take(env, *value)
                                                 : field_default(*type, field, env));
  }
  if (type) return record;
  for (std::size_t i = 0; i < expr.operands.size(); ++i) {
    const Expr& value = *expr.operands[i];
    record.fields.emplace_back(expr.field_names[i], evaluate_ref(value, env).take(env, value));
  }
  return record;
}

Value call(const Expr& expr, EvalEnv& env) {
  Ref arg = evaluate_ref(*expr.operands[0], env);
  const Value& value = arg.get();
  switch (expr.builtin) {
    case ast::Builtin::Present:
      return Value::of_bool(!value.is_null());
    case ast::Builtin::Len: {
      std::size_t n = value.kind == Value::Kind::List     ? value.items.size()
                      : value.kind == Value::Kind::Record ? value.fields.size()
                                                          : value.string.size();
      return Value::of_int(static_cast<std::int64_t>(n));
    }
    case ast::Builtin::Sorted: {
      Value sorted = arg.take(env, expr);
      if (!spend(env, sorted.items.size(), expr)) return sorted;
      std::stable_sort(sorted.items.begin(), sorted.items.end(), value_less);
      return sorted;
    }
    case ast::Builtin::Flatten:
    case ast::Builtin::Keys:
    case ast::Builtin::Values:
      return gather(std::move(arg), expr.builtin, env, expr);
    case ast::Builtin::Unresolved:
      break;
  }
  // Only a call the checker refused is unresolved, and such a program is never evaluated;
  // null, as for an unresolved name, rather than guessing a function.
  return Value::null();
}

Ref name(const Expr& expr, EvalEnv& env) {
  switch (expr.binding) {
    case ast::Binding::Local:
      return Ref(env.locals.at(expr.slot));
    case ast::Binding::Constant:
      return Ref(&env.program.constants.at(expr.slot).value);
    case ast::Binding::Let:
      return let_value(expr, env);
    case ast::Binding::Set:
      return env.sets ? Ref(&env.sets->at(expr.slot)) : Ref(Value::of_list({}));
    case ast::Binding::Manifest:
      return env.manifest ? Ref(env.manifest) : Ref(Value::null());
    case ast::Binding::Params:
      return env.params ? Ref(env.params) : Ref(Value::null());
    case ast::Binding::Unresolved:
      break;
  }
  return Ref(Value::null());
}

Ref evaluate_ref(const Expr& expr, EvalEnv& env) {
  switch (expr.kind) {
    case Expr::Kind::String:
      return literal(Value::of_string(expr.text), expr, env);
    case Expr::Kind::Integer:
      return literal(Value::of_int(expr.integer), expr, env);
    case Expr::Kind::Bool:
      return literal(Value::of_bool(expr.boolean), expr, env);
    case Expr::Kind::Record:
      return record_literal(expr, env);
    case Expr::Kind::List: {
      Value list = Value::of_list({});
      for (const auto& item : expr.operands) {
        list.items.push_back(evaluate_ref(*item, env).take(env, *item));
      }
      return list;
    }
    case Expr::Kind::Comprehension:
    case Expr::Kind::Quantifier:
      return bind_each(expr, env);
    case Expr::Kind::Call:
      return call(expr, env);
    case Expr::Kind::Name:
      return name(expr, env);
    case Expr::Kind::Member:
      return evaluate_ref(*expr.operands[0], env).field(expr.text);
    case Expr::Kind::Add: {
      Value left = evaluate_ref(*expr.operands[0], env).take(env, expr);
      Value right = evaluate_ref(*expr.operands[1], env).take(env, expr);
      for (Value& item : right.items) left.items.push_back(std::move(item));
      return left;
    }
    case Expr::Kind::Equal:
    case Expr::Kind::NotEqual: {
      const Ref left = evaluate_ref(*expr.operands[0], env);
      const Ref right = evaluate_ref(*expr.operands[1], env);
      const Value& shorter =
          left.get().items.size() < right.get().items.size() ? left.get() : right.get();
      if (!spend(env, 1 + shorter.items.size() + shorter.fields.size(), expr)) {
        return Value::of_bool(false);
      }
      return Value::of_bool(left.get().equals(right.get()) == (expr.kind == Expr::Kind::Equal));
    }
    case Expr::Kind::In: {
      const Ref needle = evaluate_ref(*expr.operands[0], env);
      const Ref haystack = evaluate_ref(*expr.operands[1], env);
      const std::vector<Value>& items = haystack.get().items;
      if (!spend(env, items.size(), expr)) return Value::of_bool(false);
      bool found = std::any_of(items.begin(), items.end(),
                               [&](const Value& item) { return item.equals(needle.get()); });
      return Value::of_bool(found);
    }
    case Expr::Kind::Not:
      return Value::of_bool(!holds(*expr.operands[0], env));
    case Expr::Kind::And:
      return Value::of_bool(holds(*expr.operands[0], env) && holds(*expr.operands[1], env));
    case Expr::Kind::Or:
      return Value::of_bool(holds(*expr.operands[0], env) || holds(*expr.operands[1], env));
    case Expr::Kind::Conditional:
      if (holds(*expr.operands[0], env)) return evaluate_ref(*expr.operands[1], env);
      if (expr.operands.size() > 2) return evaluate_ref(*expr.operands[2], env);
      return Ref(Value::null());
  }
  return Value::null();
}

}  // namespace

Value evaluate_expr(const Expr& expr, EvalEnv& env) {
  return evaluate_ref(expr, env).take(env, expr);
}

Value evaluate_constant(const ir::Program& program, const Expr& expr,
                        const std::string& declaration, EvalBudget& budget) {
  EvalEnv env{program, nullptr, nullptr, nullptr, declaration, {}, &budget};
  return evaluate_expr(expr, env);
}

namespace {

// Adds one rule's contribution to a set; the rule becomes the first reason of each
// element, followed by the element's own (the constant or manifest node it came from).
// Elements are kept in arrival order here and merged by `sorted_set` once every rule ran.
void add_to_set(std::vector<Value>& set, Value element, const SharedText& rule,
                const ast::AddStatement& add) {
  if (element.is_null()) return;
  Provenance reason{rule, add.value->range, {}, {}};
  for (const Provenance& origin : element.origins) {
    if (origin.input_range.valid()) {
      reason.input_path = origin.input_path;
      reason.input_range = origin.input_range;
      break;
    }
  }
  element.origins.insert(element.origins.begin(), std::move(reason));
  set.push_back(std::move(element));
}

// A set element's place in the sort: its first eight bytes as a big-endian number
// decide most comparisons without reading the string itself, which is elsewhere in
// memory; equal strings keep their arrival order.
struct SortKey {
  std::uint64_t prefix = 0;
  std::string_view text;
  std::size_t index = 0;

  SortKey(std::string_view s, std::size_t i) : text(s), index(i) {
    for (std::size_t k = 0; k < 8; ++k) {
      prefix = (prefix << 8) | (k < s.size() ? static_cast<unsigned char>(s[k]) : 0u);
    }
  }
  bool operator<(const SortKey& other) const {
    if (prefix != other.prefix) return prefix < other.prefix;
    const int order = text.compare(other.text);  // byte order, as std::string's `<`
    return order != 0 ? order < 0 : index < other.index;
  }
};

// Sorted by byte order, each element once: the first to arrive is kept, and the reasons
// of later equal ones are appended to it in arrival order. One sort instead of a map
// insertion per element, which dominated large bottles.
Value sorted_set(std::vector<Value> elements) {
  std::vector<SortKey> order;
  order.reserve(elements.size());
  for (std::size_t i = 0; i < elements.size(); ++i) order.emplace_back(elements[i].string, i);
  std::sort(order.begin(), order.end());
  Value list = Value::of_list({});
  list.items.reserve(elements.size());
  for (const SortKey& key : order) {
    Value& element = elements[key.index];
    if (list.items.empty() || list.items.back().string != element.string) {
      list.items.push_back(std::move(element));
      continue;
    }
    std::vector<Provenance>& kept = list.items.back().origins;
    for (Provenance& origin : element.origins) kept.push_back(std::move(origin));
  }
  return list;
}

// The set an output value names whole, to be shared rather than copied: the evaluation
// owns its sets, and they no longer change once the output is built.
const Value* whole_set(const Expr& expr, const EvalEnv& env) {
  if (expr.kind != Expr::Kind::Name || expr.binding != ast::Binding::Set || !env.sets) {
    return nullptr;
  }
  return &env.sets->at(expr.slot);
}

std::vector<OutputNode> build_output(const std::vector<ast::OutputItem>& items,
                                     const TargetField& section, EvalEnv& env) {
  std::vector<OutputNode> nodes;
  for (const ast::OutputItem& item : items) {
    if (item.condition && !holds(*item.condition, env)) continue;
    OutputNode node;
    node.key = item.key;
    node.origin = item.key_range;
    node.field = find_target_field(section, item.key);
    node.is_section = item.is_block;
    if (item.is_block) {
      node.children = build_output(item.children, *node.field, env);
    } else if (const Value* set = whole_set(*item.value, env)) {
      node.share_value(*set);
    } else {
      node.set_value(evaluate_expr(*item.value, env));
      if (node.value().is_null()) continue;  // absent values are left to pipelock's default
    }
    nodes.push_back(std::move(node));
  }
  return nodes;
}

}  // namespace

Evaluation evaluate_program(const ir::Program& program, const Value& manifest, const Value& params,
                            DiagnosticSink& diags, std::uint64_t max_steps) {
  Evaluation result;
  EvalBudget budget(max_steps);
  LetValues lets{std::vector<Value>(program.constants.size()),
                 std::vector<bool>(program.constants.size(), false)};
  EvalEnv env{program, &manifest, &params, nullptr, {}, {}, &budget, &lets};
  std::vector<std::vector<Value>> sets(program.sets.size());
  for (const ast::Rule* rule : program.rules) {
    env.declaration = rule->name;
    if (rule->condition && !holds(*rule->condition, env)) continue;
    for (const ast::AddStatement& add : rule->adds) {
      Value value = evaluate_expr(*add.value, env);
      if (value.kind != Value::Kind::List) {
        add_to_set(sets[add.set_index], std::move(value), env.declaration, add);
        continue;
      }
      for (Value& element : value.items)
        add_to_set(sets[add.set_index], std::move(element), env.declaration, add);
    }
  }
  for (auto& set : sets) result.sets.push_back(sorted_set(std::move(set)));
  env.sets = &result.sets;
  env.declaration = "output";
  if (program.output) result.output = build_output(program.output->items, pipelock_schema(), env);
  budget.report(diags, "the policy for this bottle");
  result.steps = budget.spent();
  result.bytes_built = budget.bytes_built();
  return result;
}

}  // namespace policyc
