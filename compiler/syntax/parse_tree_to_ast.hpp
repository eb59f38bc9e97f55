// Turns PEGTL parse trees of the policy grammar into the typed AST.
#pragma once
#include <string>
#include <tao/pegtl/contrib/parse_tree.hpp>

#include "ir/ast.hpp"
#include "compiler/syntax/parse_node.hpp"
#include "grammar/policy_grammar.hpp"

namespace policyc {

namespace g = grammar;

// clang-format off
/// The grammar rules kept as parse-tree nodes; every other rule is folded into its parent.
template <typename Rule>
using ParseTreeSelector = tao::pegtl::parse_tree::selector<Rule,
    tao::pegtl::parse_tree::store_content::on<
        g::name_text, g::key_text, g::string_text, g::integer_text, g::true_lit, g::false_lit,
        g::optional_mark, g::eq_op, g::ne_op, g::in_op, g::kw_any, g::kw_all,
        g::list_type, g::map_type, g::enum_type, g::type_name,
        g::type, g::field_type, g::const_type, g::set_type,
        g::expr, g::const_value, g::list_element, g::comprehension_source, g::filter_expr,
        g::predicate, g::call_argument, g::or_rhs, g::and_expr, g::and_rhs, g::negation,
        g::compare_expr, g::compare_rhs, g::sum_expr, g::operand, g::postfix_expr,
        g::member_access, g::list_expr, g::comprehension_tail, g::quantifier, g::call,
        g::name_ref, g::paren_expr, g::record_literal, g::record_field, g::value_variable,
        g::conditional, g::condition_test, g::then_branch, g::else_branch, g::let_decl,
        g::field_member, g::field_default, g::unique_clause, g::hosts_clause, g::host_rule,
        g::removed_member, g::renamed_member,
        g::together_member, g::rule_condition, g::add_statement, g::output_item,
        g::output_assign, g::output_block,
        g::import_decl, g::const_decl, g::record_decl, g::manifest_decl, g::params_decl,
        g::set_decl, g::rule_decl, g::output_decl>>;
// clang-format on

/// Adds the declarations under a parse-tree root to one PolicyFile.
class AstBuilder {
 public:
  AstBuilder(FileId file, const std::string& text, ast::PolicyFile& out)
      : file_(file), text_(text), out_(out) {}
  void add_declarations(const ParseNode& root);

 private:
  SourceRange range_of(const ParseNode& node) const;
  std::string name_of(const ParseNode& node) const;
  SourceRange name_range_of(const ParseNode& node) const;
  std::string string_value(const ParseNode& node) const;
  ast::TypeExpr type_of(const ParseNode& node) const;
  std::unique_ptr<ast::Expr> expr_of(const ParseNode& node) const;
  std::unique_ptr<ast::Expr> fold_binary(const ParseNode& node, ast::Expr::Kind kind) const;
  std::unique_ptr<ast::Expr> postfix_of(const ParseNode& node) const;
  std::unique_ptr<ast::Expr> primary_of(const ParseNode& node) const;
  std::unique_ptr<ast::Expr> list_of(const ParseNode& node) const;
  std::unique_ptr<ast::Expr> conditional_of(const ParseNode& node) const;
  std::size_t bind_variables(const ParseNode& parent, std::size_t first, ast::Expr& expr) const;
  std::unique_ptr<ast::Expr> record_of(const ParseNode& node) const;
  ast::RecordBody body_of(const ParseNode& node) const;
  ast::Rule rule_of(const ParseNode& node) const;
  ast::OutputItem output_item_of(const ParseNode& node) const;

  FileId file_;
  const std::string& text_;
  ast::PolicyFile& out_;
};

}  // namespace policyc
