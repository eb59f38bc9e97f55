#include "pipeline/meaning/policy_meaning.hpp"

#include <fmt/format.h>

#include "pipeline/meaning/policy_terms.hpp"

namespace policyc {

using Kind = ast::Expr::Kind;

namespace {

// One condition met on the way to a value, as read alone and as one operand of an `and`
// (where an `or` or a quantifier needs parentheses).
struct Condition {
  std::string alone;
  std::string operand;
};

// What holds while a value is written: the conditions met on the way to it (sections,
// the key, a rule, a branch, a filter), all of them; and who writes it.
struct Context {
  std::vector<Condition> conditions;
  std::string rule;
  SourceRange at;
};

bool is_list(const ast::Expr& e) { return e.type && e.type->kind == Type::Kind::List; }

bool is_input(const ast::Expr& e) {
  if (e.kind == Kind::Member) return is_input(*e.operands[0]);
  return e.kind == Kind::Name &&
         (e.binding == ast::Binding::Manifest || e.binding == ast::Binding::Params);
}

class Walker {
 public:
  Walker(const ir::Program& program, const SourceManager& sources)
      : program_(program), terms_(program, sources) {}

  void items(const std::vector<ast::OutputItem>& items, const std::string& prefix,
             const std::vector<Condition>& conditions) {
    for (const ast::OutputItem& item : items) {
      std::vector<Condition> inner = conditions;
      if (item.condition) inner.push_back(condition(*item.condition));
      const std::string field = prefix.empty() ? item.key : prefix + "." + item.key;
      if (item.is_block) {
        this->items(item.children, field, inner);
        continue;
      }
      FieldMeaning meaning{field, terms_.file_of(item.key_range), terms_.line_of(item.key_range),
                           {}};
      sources(*item.value, {inner, "", item.key_range}, meaning.sources);
      meaning_.fields.push_back(std::move(meaning));
    }
  }

  PolicyMeaning take() { return std::move(meaning_); }

 private:
  void add(const Context& context, std::string what, std::vector<MeaningSource>& out) {
    std::string all;
    for (const Condition& c : context.conditions) {
      if (!all.empty()) all += " and ";
      all += context.conditions.size() == 1 ? c.alone : c.operand;
    }
    out.push_back({std::move(what), std::move(all), context.rule, terms_.file_of(context.at),
                   terms_.line_of(context.at)});
  }

  Condition condition(const ast::Expr& e) const {
    return {terms_.condition(e), terms_.condition(e, true)};
  }

  static Context with(Context context, Condition condition) {
    context.conditions.push_back(std::move(condition));
    return context;
  }

  void sources(const ast::Expr& e, const Context& context, std::vector<MeaningSource>& out) {
    switch (e.kind) {
      case Kind::Call:
        // Sorting changes the order, not which values there are.
        if (e.builtin == ast::Builtin::Sorted) return sources(*e.operands[0], context, out);
        break;
      case Kind::Add:
        if (is_list(e)) {
          sources(*e.operands[0], context, out);
          return sources(*e.operands[1], context, out);
        }
        break;
      case Kind::List:
        for (const auto& element : e.operands) sources(*element, context, out);
        if (e.operands.empty()) add(context, "[] (no values)", out);
        return;
      case Kind::Conditional:
        sources(*e.operands[1], with(context, condition(*e.operands[0])), out);
        if (e.operands.size() > 2) {
          const Condition otherwise{terms_.negation(*e.operands[0]),
                                    terms_.negation(*e.operands[0], true)};
          sources(*e.operands[2], with(context, otherwise), out);
        }
        return;
      case Kind::Comprehension:
        if (e.key_name.empty()) return comprehension(e, context, out);
        break;
      case Kind::Name:
        if (e.binding == ast::Binding::Set) return set(e, context, out);
        if (e.binding == ast::Binding::Constant) return add(context, terms_.constant(e.slot), out);
        if (e.binding == ast::Binding::Let) {
          return sources(*program_.constants[e.slot].decl->value, context, out);
        }
        break;
      default:
        break;
    }
    if (is_input(e)) {
      const std::string key = terms_.condition(e);
      return add(context, is_list(e) ? "each " + key + "[] entry" : key, out);
    }
    // A literal, or a construct with no simpler reading: its source text.
    add(context, terms_.source_text(e), out);
  }

  // `[element for x in list if filter]`: each element, the filter a condition on it,
  // with `x` read as "list[]".
  void comprehension(const ast::Expr& e, const Context& context, std::vector<MeaningSource>& out) {
    const ast::Expr& element = *e.operands[0];
    const ast::Expr* filter = e.operands.size() > 2 ? e.operands[2].get() : nullptr;
    const std::string list = terms_.condition(*e.operands[1]) + "[]";
    const bool whole = element.kind == Kind::Name && element.binding == ast::Binding::Local &&
                       element.text == e.text;
    terms_.bind(e.text, list);
    // `[x for x in l if present(x)]`, the common skipping of empty entries, reads as one phrase.
    const bool present_only = whole && filter && filter->kind == Kind::Call &&
                              filter->builtin == ast::Builtin::Present &&
                              filter->operands[0]->kind == Kind::Name &&
                              filter->operands[0]->text == e.text;
    if (present_only) {
      add(context, "each present " + list + " entry", out);
    } else {
      const std::string what =
          whole ? "each " + list + " entry" : "each " + terms_.condition(element);
      add(filter ? with(context, condition(*filter)) : context, what, out);
    }
    terms_.unbind(e.text);
  }

  // A set read: what every rule adds to it, under the rule's condition.
  void set(const ast::Expr& e, const Context& context, std::vector<MeaningSource>& out) {
    const std::size_t before = out.size();
    for (const ast::Rule* rule : program_.rules) {
      Context in_rule = context;
      if (rule->condition) in_rule.conditions.push_back(condition(*rule->condition));
      in_rule.rule = rule->name;
      for (const ast::AddStatement& statement : rule->adds) {
        if (statement.set_index != e.slot) continue;
        in_rule.at = statement.target_range;
        sources(*statement.value, in_rule, out);
      }
    }
    if (out.size() == before) add(context, fmt::format("nothing: no rule adds to {}", e.text), out);
  }

  const ir::Program& program_;
  PolicyTerms terms_;
  PolicyMeaning meaning_;
};

}  // namespace

PolicyMeaning explain_policy(const ir::Program& program, const SourceManager& sources) {
  Walker walker(program, sources);
  if (program.output) walker.items(program.output->items, "", {});
  return walker.take();
}

}  // namespace policyc
