// Every place of a policy file that holds an expression, enumerated once: the input
// limits (which may replace an expression) and the lints (which read them) both walk
// a file through here, so a construct that adds an expression slot is added here alone.
#pragma once
#include <memory>
#include <type_traits>
#include <vector>

#include "ir/ast.hpp"

namespace policyc {

/// Where a root expression is written.
enum class ExprPlace { Constant, Let, Default, RuleCondition, AddValue, OutputCondition, OutputValue };

namespace detail {

template <typename Items, typename Visit>
void for_each_output_slot(Items& items, Visit& visit) {
  for (auto& item : items) {
    visit(item.condition, ExprPlace::OutputCondition);
    visit(item.value, ExprPlace::OutputValue);
    for_each_output_slot(item.children, visit);  // sections nest at most kMaxNesting deep
  }
}

template <typename Records, typename Visit>
void for_each_default_slot(Records& records, Visit& visit) {
  for (auto& record : records) {
    for (auto& field : record.body.fields) visit(field.default_value, ExprPlace::Default);
  }
}

}  // namespace detail

/// Calls `visit(slot, place)` for every expression slot of `file` (an ast::PolicyFile,
/// const or not) in source order within each kind of declaration; `slot` is the
/// `std::unique_ptr<ast::Expr>` itself, null where the construct is optional (a rule
/// without a condition, a block output item).
template <typename File, typename Visit>
void for_each_expression_slot(File& file, Visit&& visit) {
  static_assert(std::is_same_v<std::remove_const_t<File>, ast::PolicyFile>);
  for (auto& constant : file.consts) {
    visit(constant.value, constant.reads_bottle ? ExprPlace::Let : ExprPlace::Constant);
  }
  detail::for_each_default_slot(file.records, visit);
  detail::for_each_default_slot(file.manifests, visit);
  detail::for_each_default_slot(file.params, visit);
  for (auto& rule : file.rules) {
    visit(rule.condition, ExprPlace::RuleCondition);
    for (auto& add : rule.adds) visit(add.value, ExprPlace::AddValue);
  }
  for (auto& output : file.outputs) detail::for_each_output_slot(output.items, visit);
}

}  // namespace policyc
