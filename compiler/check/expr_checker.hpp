// Name resolution and typing of one expression at a time, with the scope rules of the
// place it is written in.
#pragma once
#include <string>
#include <utility>
#include <vector>

#include "compiler/check/check.hpp"

namespace policyc {

class ExprChecker {
 public:
  /// Where the expression is written. Constants and field defaults cannot read the
  /// manifest, the params, a `let` or a set, which exist only at evaluation; rules and
  /// `let` values cannot read a set, which is complete only once every rule has run.
  enum class Scope { Constant, Let, Rule, Output };
  ExprChecker(CheckContext& context, Scope scope) : context_(context), scope_(scope) {}

  /// Resolves and types `expr`; returns its type (the error type after an error).
  TypeRef check(ast::Expr& expr);
  /// Checks `expr` is usable as `target`; literals are validated against it (a string
  /// literal used as a hostname must be a valid hostname) and normalised.
  void coerce(ast::Expr& expr, const TypeRef& target, const std::string& where);
  /// Checks `expr` is a bool that is always present.
  void expect_condition(ast::Expr& expr);

  /// The type of constant `index`, checking its declaration first if needed.
  TypeRef constant_type(std::size_t index);

 private:
  TypeRef check_name(ast::Expr& expr);
  TypeRef check_member(ast::Expr& expr);
  TypeRef check_call(ast::Expr& expr);
  TypeRef check_list(ast::Expr& expr);
  TypeRef check_record(ast::Expr& expr);
  void coerce_record(ast::Expr& literal, const Type& target);
  TypeRef check_binding_scope(ast::Expr& expr);  // comprehension and quantifier
  TypeRef check_comparison(ast::Expr& expr);
  TypeRef check_logic(ast::Expr& expr);
  TypeRef check_add(ast::Expr& expr);
  TypeRef check_conditional(ast::Expr& expr);
  TypeRef loop_variable(ast::Expr& source_expr, const TypeRef& source, bool binds_key);
  bool coerce_literal(ast::Expr& expr, const Type& target);
  std::vector<std::string> visible_names() const;
  void report_mismatch(const ast::Expr& expr, const Type& target, const std::string& where);

  CheckContext& context_;
  Scope scope_;
  std::vector<std::pair<std::string, TypeRef>> locals_;
};

}  // namespace policyc
