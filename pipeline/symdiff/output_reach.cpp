#include "pipeline/symdiff/output_reach.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

namespace policyc {

namespace {

struct Reads {
  std::set<std::string> paths;
  std::set<std::string> fields;
  Literals literals;
  // Element paths ("egress_proxy.routes[]") of lists looped over other than as a union:
  // a quantifier, or a comprehension that is tested rather than added.
  std::set<std::string> tested_lists;
  std::set<std::string> tested_paths;  // leaves read other than as elements added to a set
  std::set<std::string> compared_lists;
  std::set<std::string> compared_maps;
  std::map<std::string, int> over_tested;
  bool compares_inputs = false;
};

// Whether `expr` may read the bottle or the parameters; a loop variable, a `let` and a set
// count, since they may hold what the bottle gave.
bool reads_input(const ast::Expr& expr) {
  if (expr.kind == ast::Expr::Kind::Name && expr.binding != ast::Binding::Constant) return true;
  return std::any_of(expr.operands.begin(), expr.operands.end(),
                     [](const auto& operand) { return operand && reads_input(*operand); });
}

// The manifest or parameter path a chain of fields names, or "" for any other chain.
// `locals` holds, for each loop variable in scope, the element path it stands for.
std::string member_path(const ast::Expr& expr, const std::vector<std::string>& locals,
                        bool& is_element) {
  std::string path;
  const ast::Expr* root = &expr;
  while (root->kind == ast::Expr::Kind::Member && !root->operands.empty()) {
    path = path.empty() ? root->text : root->text + "." + path;
    root = root->operands[0].get();
  }
  is_element = false;
  if (root->kind != ast::Expr::Kind::Name || root == &expr) return "";
  switch (root->binding) {
    case ast::Binding::Manifest:
      return path;
    case ast::Binding::Params:
      return "params." + path.substr(0, path.find('.'));
    case ast::Binding::Local:
      is_element = root->slot < locals.size() && !locals[root->slot].empty();
      return is_element ? locals[root->slot] + "." + path : "";
    default:
      return "";
  }
}

class LeafReader {
 public:
  explicit LeafReader(const ir::Program& program) : program_(program) {}

  void read(const ast::Expr* expr, Reads& out) {
    if (!expr) return;
    if (expr->kind == ast::Expr::Kind::String) out.literals.strings.insert(expr->text);
    if (expr->kind == ast::Expr::Kind::Integer && !expr->integer_overflow) {
      out.literals.integers.insert(expr->integer);
    }
    if (expr->kind == ast::Expr::Kind::Member) {
      bool is_element = false;
      const std::string path = member_path(*expr, locals_, is_element);
      if (!path.empty()) {
        if (!is_element && (expr != added_to_set_ || in_tested_set_)) out.tested_paths.insert(path);
        const std::string entity = is_element ? "" : entity_of(*expr);
        if (!entity.empty() && !containers_.empty()) contains_[containers_.back()].insert(entity);
        (is_element ? out.fields : out.paths).insert(path);
        if (!is_element) out.fields.insert(path);
        return;
      }
    }
    const bool comparison = expr->kind == ast::Expr::Kind::Equal ||
                            expr->kind == ast::Expr::Kind::NotEqual ||
                            expr->kind == ast::Expr::Kind::In;
    if (comparison && expr->operands.size() == 2 && expr->operands[0] && expr->operands[1]) {
      if (reads_input(*expr->operands[0]) && reads_input(*expr->operands[1]))
        out.compares_inputs = true;
      note_list_comparison(*expr, out);
    }
    if (expr->kind == ast::Expr::Kind::List) note_literal_list(*expr, out);
    // A list sorted differs from the bottle's order only for two elements out of order.
    if (expr->kind == ast::Expr::Kind::Call && expr->builtin == ast::Builtin::Sorted) {
      for (const auto& argument : expr->operands) {
        const std::string list = argument ? bottle_list(*argument) : "";
        if (!list.empty()) out.tested_lists.insert(list + "[]");
      }
    }
    if (expr->kind == ast::Expr::Kind::Comprehension || expr->kind == ast::Expr::Kind::Quantifier) {
      read_loop(*expr, out);
      return;
    }
    if (expr->kind == ast::Expr::Kind::Name && expr->binding == ast::Binding::Local &&
        expr->slot < locals_.size() && !locals_[expr->slot].empty()) {
      out.fields.insert(locals_[expr->slot]);
    }
    if (expr->kind == ast::Expr::Kind::Name) read_name(*expr, out);
    for (const auto& operand : expr->operands) read(operand.get(), out);
  }

  // A value whose elements are added to a set or written as they are: a comprehension
  // there is a union of what each element gives.
  void read_contribution(const ast::Expr* expr, bool into_set, Reads& out) {
    const ast::Expr* outer = contribution_;
    const bool outer_into_set = into_set_;
    contribution_ = expr;
    into_set_ = into_set;
    if (expr && into_set && expr->kind == ast::Expr::Kind::Member) added_to_set_ = expr;
    read(expr, out);
    contribution_ = outer;
    into_set_ = outer_into_set;
  }

  // The bottle lists tested element by element more than twice, with their tests.
  std::map<std::string, int> over_tested() const {
    std::map<std::string, int> out;
    for (const auto& [entity, count] : tests_) {
      std::set<std::string> lists;
      holds(entity, lists);
      for (const std::string& list : lists) out[list] += count;
    }
    for (auto at = out.begin(); at != out.end();)
      at = at->second > 2 ? std::next(at) : out.erase(at);
    return out;
  }

 private:
  // The bottle lists `entity` is or holds, through the sets and `let`s it holds.
  void holds(const std::string& entity, std::set<std::string>& lists) const {
    if (entity.compare(0, 5, "list:") == 0) {
      lists.insert(entity.substr(5));
      return;
    }
    auto inside = contains_.find(entity);
    if (inside == contains_.end()) return;
    for (const std::string& member : inside->second) {
      if (member != entity) holds(member, lists);
    }
  }

  // What a test or a holder names: "list:egress.allowlist", "set:0", "let:3"; "" else.
  std::string entity_of(const ast::Expr& expr) const {
    if (expr.kind == ast::Expr::Kind::Name && expr.binding == ast::Binding::Set)
      return fmt::format("set:{}", expr.slot);
    if (expr.kind == ast::Expr::Kind::Name && expr.binding == ast::Binding::Let)
      return fmt::format("let:{}", expr.slot);
    const std::string list = bottle_list(expr);
    return list.empty() ? "" : "list:" + list;
  }

  void note_test(const ast::Expr& source) {
    const std::string entity = entity_of(source);
    if (!entity.empty()) ++tests_[entity];
  }

  // The bottle map at `expr`, if it is one read whole: "env".
  std::string bottle_map(const ast::Expr& expr) const {
    if (expr.kind != ast::Expr::Kind::Member || !expr.type || expr.type->kind != Type::Kind::Map)
      return "";
    bool is_element = false;
    const std::string path = member_path(expr, locals_, is_element);
    return is_element ? "" : path;
  }

  // The bottle list at `expr`, if it is one read whole: "egress.allowlist".
  std::string bottle_list(const ast::Expr& expr) const {
    if (expr.kind != ast::Expr::Kind::Member || !expr.type || expr.type->kind != Type::Kind::List)
      return "";
    bool is_element = false;
    const std::string path = member_path(expr, locals_, is_element);
    return is_element ? "" : path;
  }

  // `x in bottle.list` tests the list element by element, as a quantifier does; a list
  // compared whole with a non-empty one is tried as the lists the policy writes.
  void note_list_comparison(const ast::Expr& comparison, Reads& out) {
    const ast::Expr& left = *comparison.operands[0];
    const ast::Expr& right = *comparison.operands[1];
    if (comparison.kind == ast::Expr::Kind::In) {
      note_test(right);
      const std::string list = bottle_list(right);
      if (!list.empty()) out.tested_lists.insert(list + "[]");
      return;
    }
    for (const auto& [side, other] : {std::pair{&left, &right}, std::pair{&right, &left}}) {
      const std::string list = bottle_list(*side);
      const bool empty = other->kind == ast::Expr::Kind::List && other->operands.empty();
      if (!list.empty() && !empty) out.compared_lists.insert(list);
      const std::string map = bottle_map(*side);
      const bool empty_map = other->kind == ast::Expr::Kind::Record && other->operands.empty();
      if (!map.empty() && !empty_map) out.compared_maps.insert(map);
    }
  }

  static void note_literal_list(const ast::Expr& list, Reads& out) {
    std::vector<std::string> items;
    for (const auto& item : list.operands) {
      if (!item || item->kind != ast::Expr::Kind::String) return;
      items.push_back(item->text);
    }
    if (!items.empty()) out.literals.lists.insert(std::move(items));
  }

  static void note_constant_list(const Value& value, Reads& out) {
    if (value.kind != Value::Kind::List || value.items.empty()) return;
    std::vector<std::string> items;
    for (const Value& item : value.items) {
      if (item.kind != Value::Kind::String) return;
      items.emplace_back(item.string.view());
    }
    out.literals.lists.insert(std::move(items));
  }

  // The loop variable stands for an element of the source: `route.host` in a loop over
  // bottle.egress_proxy.routes reads "egress_proxy.routes[].host".
  void read_loop(const ast::Expr& loop, Reads& out) {
    const bool comprehension = loop.kind == ast::Expr::Kind::Comprehension;
    const ast::Expr* source = loop.operands.size() > (comprehension ? 1u : 0u)
                                  ? loop.operands[comprehension ? 1 : 0].get()
                                  : nullptr;
    if (comprehension && &loop == contribution_ && into_set_) added_to_set_ = source;
    read(source, out);
    std::string element;
    if (source && source->kind == ast::Expr::Kind::Member && source->type &&
        source->type->kind == Type::Kind::List) {
      bool is_element = false;
      const std::string path = member_path(*source, locals_, is_element);
      if (!path.empty()) element = path + "[]";
    }
    // A union inside a set a condition tests is tested as the set is: the set's tests count.
    const bool own_test = !comprehension || &loop != contribution_;
    if (!element.empty() && (own_test || in_tested_set_)) out.tested_lists.insert(element);
    if (own_test && source) note_test(*source);
    if (source && !containers_.empty()) {
      const std::string entity = entity_of(*source);
      if (!entity.empty()) contains_[containers_.back()].insert(entity);
    }
    if (!loop.key_name.empty()) locals_.emplace_back();
    locals_.push_back(element);
    for (const auto& operand : loop.operands) {
      if (operand.get() != source) read(operand.get(), out);
    }
    locals_.pop_back();
    if (!loop.key_name.empty()) locals_.pop_back();
  }

  // A name stands for what its declaration reads: a constant's or `let`'s value; a set,
  // what each rule adding to it reads. Each is followed once, which also ends a cycle.
  void read_name(const ast::Expr& name, Reads& out) {
    // The bottle read whole (passed to keys() or values()) names no leaf.
    if (name.binding == ast::Binding::Manifest) return;
    const std::string entity = entity_of(name);
    if (!entity.empty() && !containers_.empty()) contains_[containers_.back()].insert(entity);
    const bool tested = in_tested_set_ || &name != contribution_;
    // Followed once, and again if now tested where it was first only added.
    auto [at, first] = followed_.emplace(std::make_pair(name.binding, name.slot), tested);
    if (!first && (at->second || !tested)) return;
    at->second = at->second || tested;
    std::vector<std::string> outer;
    outer.swap(locals_);  // a declaration has its own loop variables
    const bool outer_tested = in_tested_set_;
    in_tested_set_ = tested;
    if (!entity.empty()) containers_.push_back(entity);
    if ((name.binding == ast::Binding::Constant || name.binding == ast::Binding::Let) &&
        name.slot < program_.constants.size()) {
      read(program_.constants[name.slot].decl->value.get(), out);
      if (name.binding == ast::Binding::Constant)
        note_constant_list(program_.constants[name.slot].value, out);
    }
    if (name.binding == ast::Binding::Set) {
      for (const ast::Rule* rule : program_.rules) {
        for (const ast::AddStatement& add : rule->adds) {
          if (add.set_index != name.slot) continue;
          read(rule->condition.get(), out);
          read_contribution(add.value.get(), true, out);
        }
      }
    }
    if (!entity.empty()) containers_.pop_back();
    in_tested_set_ = outer_tested;
    locals_.swap(outer);
  }

  const ir::Program& program_;
  const ast::Expr* contribution_ = nullptr;
  bool into_set_ = false;
  const ast::Expr* added_to_set_ = nullptr;  // a bottle list whose elements a set gets as they are
  bool in_tested_set_ = false;               // reading the rules of a set a condition tests
  std::vector<std::string> locals_;
  std::map<std::pair<ast::Binding, std::size_t>, bool> followed_;  // -> followed as tested
  // Element-by-element tests (a quantifier, `in`, a tested comprehension) of each list,
  // set or `let`, and what each set or `let` holds: a list tested three times needs three
  // elements, which the scope does not have.
  std::map<std::string, int> tests_;
  std::map<std::string, std::set<std::string>> contains_;
  std::vector<std::string> containers_;
};

// Calls `visit(item, key, conditions)` for each output value, with the conditions of the
// item and of every section around it.
template <typename Visit>
void each_output_value(const std::vector<ast::OutputItem>& items, const std::string& prefix,
                       std::vector<const ast::Expr*>& conditions, Visit&& visit) {
  for (const ast::OutputItem& item : items) {
    const std::string key = prefix.empty() ? item.key : prefix + "." + item.key;
    conditions.push_back(item.condition.get());
    if (item.is_block) {
      each_output_value(item.children, key, conditions, visit);
    } else {
      visit(item, key, conditions);
    }
    conditions.pop_back();
  }
}

Reads read_output_value(const ir::Program& program, const ast::OutputItem& item,
                        const std::vector<const ast::Expr*>& conditions) {
  Reads reads;
  LeafReader reader(program);
  for (const ast::Expr* condition : conditions) reader.read(condition, reads);
  reader.read_contribution(item.value.get(), false, reads);
  reads.over_tested = reader.over_tested();
  return reads;
}

}  // namespace

std::vector<OutputReach> output_reach(const ir::Program& program) {
  std::vector<OutputReach> out;
  if (!program.output) return out;
  std::vector<const ast::Expr*> conditions;
  each_output_value(
      program.output->items, "", conditions,
      [&](const ast::OutputItem& item, const std::string& key,
          const std::vector<const ast::Expr*>& around) {
        Reads reads = read_output_value(program, item, around);
        out.push_back({key, item.key_range, std::move(reads.paths), std::move(reads.fields),
                       std::move(reads.literals), std::move(reads.tested_lists),
                       std::move(reads.tested_paths), reads.compares_inputs,
                       std::move(reads.compared_lists), std::move(reads.over_tested),
                       std::move(reads.compared_maps)});
      });
  return out;
}

}  // namespace policyc
