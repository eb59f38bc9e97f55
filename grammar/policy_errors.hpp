// The message for every rule that a `must<>` can raise on, and the control that uses it.
#pragma once
#include "grammar/nesting_limit.hpp"
#include "grammar/policy_grammar.hpp"

namespace policyc::grammar {

template <typename Rule>
inline constexpr const char* error_message = nullptr;

// clang-format off
#define POLICYC_ERROR(rule, text) template <> inline constexpr const char* error_message<rule> = text
POLICYC_ERROR(escape_char, "unknown escape sequence; use \\\" \\\\ \\n or \\t");
POLICYC_ERROR(string_body, "expected string characters");
POLICYC_ERROR(string_close, "unterminated string; close it with '\"' on the same line");
POLICYC_ERROR(string_lit, "expected a string in double quotes");
POLICYC_ERROR(name, "expected a name");
POLICYC_ERROR(key, "expected a name");
POLICYC_ERROR(decl_name, "expected a name");
POLICYC_ERROR(field_name, "expected a field name after '.'");
POLICYC_ERROR(langle, "expected '<'");
POLICYC_ERROR(type, "expected a type");
POLICYC_ERROR(type_close, "expected '>'");
POLICYC_ERROR(lparen, "expected '('");
POLICYC_ERROR(lbrace, "expected '{'");
POLICYC_ERROR(colon, "expected ':'");
POLICYC_ERROR(equals, "expected '='");
POLICYC_ERROR(plus_equals, "expected '+=' (a rule adds to a set: NAME += expression)");
POLICYC_ERROR(kw_in, "expected 'in'");
POLICYC_ERROR(enum_values, "expected a string in double quotes");
POLICYC_ERROR(enum_close, "expected ',' or ')'");
POLICYC_ERROR(expr, "expected an expression");
POLICYC_ERROR(paren_close, "expected ')'");
POLICYC_ERROR(comprehension_source, "expected an expression");
POLICYC_ERROR(filter_expr, "expected an expression after 'if'");
POLICYC_ERROR(comprehension_close, "expected ']'");
POLICYC_ERROR(list_close, "expected ',' or ']'");
POLICYC_ERROR(list_body, "expected an expression or ']'");
POLICYC_ERROR(predicate, "expected an expression");
POLICYC_ERROR(quantifier_close, "expected ')'");
POLICYC_ERROR(record_close, "expected ',' or '}'");
POLICYC_ERROR(record_body, "expected a field ('name = expression') or '}'");
POLICYC_ERROR(record_field_value, "expected an expression");
POLICYC_ERROR(call_argument, "expected an expression");
POLICYC_ERROR(call_close, "expected ',' or ')'");
POLICYC_ERROR(operand, "expected an expression after '+'");
POLICYC_ERROR(compare_rhs, "expected an expression to compare with");
POLICYC_ERROR(not_expr, "expected an expression after 'not'");
POLICYC_ERROR(and_rhs, "expected an expression after 'and'");
POLICYC_ERROR(or_rhs, "expected an expression after 'or'");
POLICYC_ERROR(condition_test, "expected a condition after 'if'");
POLICYC_ERROR(kw_then, "expected 'then' (write: if CONDITION then VALUE else VALUE)");
POLICYC_ERROR(then_branch, "expected an expression after 'then'");
POLICYC_ERROR(else_branch, "expected an expression after 'else'");
POLICYC_ERROR(else_part, "expected 'else' or the end of the expression");
POLICYC_ERROR(loop_variables, "expected a name (one for a list, 'key, value' for a map)");
POLICYC_ERROR(value_variable, "expected a second name: 'for key, value in map'");
POLICYC_ERROR(unique_close, "expected ')'");
POLICYC_ERROR(host_rules, "expected a host class and an action, such as 'metadata: refuse'");
POLICYC_ERROR(host_rule, "expected a host class and an action, such as 'private: warn'");
POLICYC_ERROR(host_action, "expected refuse, warn or allow");
POLICYC_ERROR(hosts_close, "expected ',' or ')'");
POLICYC_ERROR(field_type, "expected a type");
POLICYC_ERROR(together_names, "expected a field name");
POLICYC_ERROR(together_close, "expected ',' or ')'");
POLICYC_ERROR(member, "expected a field ('name: type'), 'removed', 'renamed', 'together' or '}'");
POLICYC_ERROR(member_list, "expected a field ('name: type'), 'removed', 'renamed', 'together' or '}'");
POLICYC_ERROR(renamed_from, "expected the old key after 'renamed' (renamed OLD -> NEW)");
POLICYC_ERROR(rename_arrow, "expected '->' between the old key and its new name");
POLICYC_ERROR(renamed_to, "expected the field the old key is now called after '->'");
POLICYC_ERROR(add_statement, "expected 'NAME += expression' or '}'");
POLICYC_ERROR(rule_body, "expected 'NAME += expression' or '}'");
POLICYC_ERROR(output_item, "expected an output key or '}'");
POLICYC_ERROR(output_body, "expected an output key or '}'");
POLICYC_ERROR(output_value, "expected '= expression' or '{' after the output key");
POLICYC_ERROR(const_annotation, "expected ':' or '='");
POLICYC_ERROR(const_value, "expected an expression");
POLICYC_ERROR(set_type, "expected a type");
POLICYC_ERROR(rule_guard, "expected 'when' or '{'");
POLICYC_ERROR(field_member, "expected a field");
POLICYC_ERROR(declaration, "expected a declaration: import, const, let, record, manifest, params, set, rule or output");
#undef POLICYC_ERROR
// clang-format on

/// Raises a parse error carrying the rule's message; every rule a must<> can raise on
/// has one, checked at compile time.
template <typename Rule>
struct control : tao::pegtl::normal<Rule> {
  template <typename ParseInput, typename... States>
  [[noreturn]] static void raise(const ParseInput& in, States&&...) {
    static_assert(error_message<Rule> != nullptr, "every must<> rule needs an error message");
    throw tao::pegtl::parse_error(error_message<Rule>, in);
  }

  // Counts the levels of nesting (see nesting_limit.hpp) on the input, so a deeply
  // nested policy is an error instead of a stack overflow.
  template <tao::pegtl::apply_mode A, tao::pegtl::rewind_mode M,
            template <typename...> class Action, template <typename...> class Control,
            typename ParseInput, typename... States>
  [[nodiscard]] static bool match(ParseInput& in, States&&... st) {
    if constexpr (opens_nesting<Rule>) {
      NestingGuard guard(in.private_depth);
      if (in.private_depth > kMaxNesting) {
        if constexpr (marks_nesting<ParseInput>) in.nesting_refused_at = in.current();
        return false;
      }
      return tao::pegtl::normal<Rule>::template match<A, M, Action, Control>(in, st...);
    } else {
      return tao::pegtl::normal<Rule>::template match<A, M, Action, Control>(in, st...);
    }
  }
};

}  // namespace policyc::grammar
