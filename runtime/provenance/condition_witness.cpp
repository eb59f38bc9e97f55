#include "runtime/provenance/condition_witness.hpp"

namespace policyc {

namespace {

using ast::Expr;

bool truthy(const Value& value) { return value.kind == Value::Kind::Bool && value.boolean; }

class Witness {
 public:
  Witness(EvalEnv& env, bool inputs_only) : env_(env), inputs_only_(inputs_only) {}

  // Adds the witnesses of `expr`, whose value is `holds`.
  void collect(const Expr& expr, bool holds) {
    switch (expr.kind) {
      case Expr::Kind::And:
      case Expr::Kind::Or: {
        // `and` that holds and `or` that fails depend on both operands; otherwise the
        // first operand that decided is the reason.
        const bool both = (expr.kind == Expr::Kind::And) == holds;
        for (const auto& operand : expr.operands) {
          const bool value = truthy(evaluate_expr(*operand, env_));
          if (both || value == holds) collect(*operand, value);
          if (!both && value == holds) return;
        }
        return;
      }
      case Expr::Kind::Not:
        return collect(*expr.operands[0], !holds);
      case Expr::Kind::Quantifier:
        return quantifier(expr, holds);
      case Expr::Kind::String:
      case Expr::Kind::Integer:
      case Expr::Kind::Bool:
        return;
      case Expr::Kind::Conditional:
        return conditional(expr, holds);
      case Expr::Kind::Name:
        if (expr.binding == ast::Binding::Let) return let(expr, holds);
        break;
      default:
        break;
    }
    if (expr.kind == Expr::Kind::Name || expr.kind == Expr::Kind::Member) {
      return add(evaluate_expr(expr, env_));
    }
    for (const auto& operand : expr.operands) add(evaluate_expr(*operand, env_));
  }

  std::vector<Provenance> result;

 private:
  // any() that holds and all() that fails are decided by one element: the first that
  // matched (any) or failed (all). Otherwise every element counted: name the list.
  void quantifier(const Expr& expr, bool holds) {
    const Value source = evaluate_expr(*expr.operands[0], env_);
    const bool is_all = expr.boolean;
    if (holds == is_all) return add(source);
    for (const Value& item : source.items) {
      env_.locals.push_back(&item);
      const bool value = truthy(evaluate_expr(*expr.operands[1], env_));
      if (value != is_all) collect(*expr.operands[1], value);
      env_.locals.pop_back();
      if (value != is_all) return;
    }
  }

  // A `let` is explained by its own expression, read as at the top level.
  void let(const Expr& name, bool holds) {
    std::vector<const Value*> locals;
    locals.swap(env_.locals);
    collect(*env_.program.constants.at(name.slot).decl->value, holds);
    env_.locals.swap(locals);
  }

  // The condition that chose the branch, then the branch itself.
  void conditional(const Expr& expr, bool holds) {
    const bool took_then = truthy(evaluate_expr(*expr.operands[0], env_));
    collect(*expr.operands[0], took_then);
    const std::size_t branch = took_then ? 1 : 2;
    if (branch < expr.operands.size()) collect(*expr.operands[branch], holds);
  }

  void add(const Value& value) {
    for (const Provenance& origin : value.origins) {
      const bool input = origin.input_range.valid();
      if (!input && inputs_only_) continue;
      bool seen = false;
      for (const Provenance& other : result) {
        seen = seen || (input ? other.input_range.file == origin.input_range.file &&
                                    other.input_path == origin.input_path
                              : other.rule == origin.rule);
      }
      if (seen) continue;
      result.push_back(input ? Provenance{"", {}, origin.input_path, origin.input_range} : origin);
    }
  }

  EvalEnv& env_;
  bool inputs_only_;
};

}  // namespace

ConditionResult explain_condition(const ast::Expr& condition, EvalEnv& env, bool inputs_only) {
  ConditionResult out;
  out.holds = truthy(evaluate_expr(condition, env));
  Witness witness(env, inputs_only);
  witness.collect(condition, out.holds);
  out.witnesses = std::move(witness.result);
  return out;
}

}  // namespace policyc
