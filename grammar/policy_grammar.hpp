// PEGTL rules of the policy language. Rules only: no actions, no AST.
// The language is described in docs/language.md.
#pragma once
#include <tao/pegtl.hpp>

namespace policyc::grammar {
namespace pegtl = tao::pegtl;
using namespace pegtl;  // NOLINT: rule tables read better unqualified

// clang-format off

// --- Trivia: whitespace and `#` comments, allowed between any two tokens.
struct line_comment : seq< one< '#' >, star< not_one< '\n' > > > {};
struct trivia       : sor< one< ' ', '\t', '\r', '\n' >, line_comment > {};
struct skip         : star< trivia > {};
// A token swallows its trailing trivia, so every rule starts at real text.
template< typename R > struct tok : seq< R, skip > {};

// --- Keywords and names.
struct ident_first : ranges< 'a', 'z', 'A', 'Z', '_' > {};
struct ident_other : ranges< 'a', 'z', 'A', 'Z', '0', '9', '_' > {};
template< typename S > struct kw : tok< seq< S, not_at< ident_other > > > {};

struct kw_import   : kw< TAO_PEGTL_STRING( "import" ) > {};
struct kw_const    : kw< TAO_PEGTL_STRING( "const" ) > {};
struct kw_record   : kw< TAO_PEGTL_STRING( "record" ) > {};
struct kw_manifest : kw< TAO_PEGTL_STRING( "manifest" ) > {};
struct kw_params   : kw< TAO_PEGTL_STRING( "params" ) > {};
struct kw_set      : kw< TAO_PEGTL_STRING( "set" ) > {};
struct kw_rule     : kw< TAO_PEGTL_STRING( "rule" ) > {};
struct kw_output   : kw< TAO_PEGTL_STRING( "output" ) > {};
struct kw_when     : kw< TAO_PEGTL_STRING( "when" ) > {};
struct kw_removed  : kw< TAO_PEGTL_STRING( "removed" ) > {};
struct kw_together : kw< TAO_PEGTL_STRING( "together" ) > {};
struct kw_unique   : kw< TAO_PEGTL_STRING( "unique" ) > {};
struct kw_list     : kw< TAO_PEGTL_STRING( "list" ) > {};
struct kw_map      : kw< TAO_PEGTL_STRING( "map" ) > {};
struct kw_enum     : kw< TAO_PEGTL_STRING( "enum" ) > {};
struct kw_for      : kw< TAO_PEGTL_STRING( "for" ) > {};
struct kw_in       : kw< TAO_PEGTL_STRING( "in" ) > {};
struct kw_if       : kw< TAO_PEGTL_STRING( "if" ) > {};
struct kw_any      : kw< TAO_PEGTL_STRING( "any" ) > {};
struct kw_all      : kw< TAO_PEGTL_STRING( "all" ) > {};
struct kw_and      : kw< TAO_PEGTL_STRING( "and" ) > {};
struct kw_or       : kw< TAO_PEGTL_STRING( "or" ) > {};
struct kw_not      : kw< TAO_PEGTL_STRING( "not" ) > {};
struct kw_true     : kw< TAO_PEGTL_STRING( "true" ) > {};
struct kw_false    : kw< TAO_PEGTL_STRING( "false" ) > {};
struct kw_then     : kw< TAO_PEGTL_STRING( "then" ) > {};
struct kw_else     : kw< TAO_PEGTL_STRING( "else" ) > {};
struct kw_let      : kw< TAO_PEGTL_STRING( "let" ) > {};

template< typename S > struct word : seq< S, not_at< ident_other > > {};
struct reserved : sor< word< TAO_PEGTL_STRING( "import" ) >, word< TAO_PEGTL_STRING( "const" ) >,
                       word< TAO_PEGTL_STRING( "record" ) >, word< TAO_PEGTL_STRING( "manifest" ) >,
                       word< TAO_PEGTL_STRING( "set" ) >,
                       word< TAO_PEGTL_STRING( "rule" ) >, word< TAO_PEGTL_STRING( "output" ) >,
                       word< TAO_PEGTL_STRING( "when" ) >, word< TAO_PEGTL_STRING( "removed" ) >,
                       word< TAO_PEGTL_STRING( "together" ) >, word< TAO_PEGTL_STRING( "unique" ) >,
                       word< TAO_PEGTL_STRING( "for" ) >, word< TAO_PEGTL_STRING( "in" ) >,
                       word< TAO_PEGTL_STRING( "if" ) >, word< TAO_PEGTL_STRING( "and" ) >,
                       word< TAO_PEGTL_STRING( "or" ) >, word< TAO_PEGTL_STRING( "not" ) >,
                       word< TAO_PEGTL_STRING( "true" ) >, word< TAO_PEGTL_STRING( "false" ) >,
                       word< TAO_PEGTL_STRING( "then" ) >, word< TAO_PEGTL_STRING( "else" ) >,
                       word< TAO_PEGTL_STRING( "let" ) > > {};
struct name_text : seq< not_at< reserved >, ident_first, star< ident_other > > {};
struct name      : tok< name_text > {};
// A key of the output or of a record literal names a field of the target, so it may be a
// keyword too (pipelock has `logging.output` and `suppress[].rule`).
struct key_text  : seq< ident_first, star< ident_other > > {};
struct key       : tok< key_text > {};

// --- Punctuation.
struct colon       : tok< one< ':' > > {};
struct comma       : tok< one< ',' > > {};
struct dot         : tok< one< '.' > > {};
struct lbrace      : tok< one< '{' > > {};
struct rbrace      : tok< one< '}' > > {};
struct lparen      : tok< one< '(' > > {};
struct rparen      : tok< one< ')' > > {};
struct lbracket    : tok< one< '[' > > {};
struct rbracket    : tok< one< ']' > > {};
struct langle      : tok< one< '<' > > {};
struct rangle      : tok< one< '>' > > {};
struct question    : tok< one< '?' > > {};
struct equals      : tok< seq< one< '=' >, not_at< one< '=' > > > > {};
struct plus_equals : tok< TAO_PEGTL_STRING( "+=" ) > {};

// --- Literals. A string is one line; `\"`, `\\`, `\n` and `\t` are its escapes.
struct escape_char   : one< '"', '\\', 'n', 't' > {};
struct escape        : seq< one< '\\' >, must< escape_char > > {};
struct string_char   : sor< escape, not_one< '"', '\\', '\n', '\r' > > {};
struct string_close  : one< '"' > {};
struct string_body   : star< string_char > {};
struct string_text   : if_must< one< '"' >, string_body, string_close > {};
struct string_lit    : tok< string_text > {};
struct integer_text  : seq< opt< one< '-' > >, plus< digit >, not_at< ident_other > > {};
struct integer_lit   : tok< integer_text > {};
struct true_lit      : kw_true {};
struct false_lit     : kw_false {};

// --- Types: `bool`, `hostname`, `list<T>`, `map<T>`, `enum("a", "b")`, a record name; `T?`.
struct type;
struct type_close  : rangle {};
struct list_type   : if_must< kw_list, langle, type, type_close > {};
struct map_type    : if_must< kw_map, langle, type, type_close > {};
struct enum_values : list_must< string_lit, comma > {};
struct enum_close  : rparen {};
struct enum_type   : if_must< kw_enum, lparen, enum_values, enum_close > {};
struct type_name   : name {};
struct optional_mark : question {};
struct type        : seq< sor< list_type, map_type, enum_type, type_name >, opt< optional_mark > > {};

// --- Expressions, loosest first.
struct expr;
struct paren_close   : rparen {};
struct paren_expr    : if_must< lparen, expr, paren_close > {};
struct list_close    : rbracket {};
struct list_element  : seq< expr > {};
struct comprehension_source : seq< expr > {};
struct filter_expr   : seq< expr > {};
struct filter_clause : if_must< kw_if, filter_expr > {};
// `for v in list`, or `for k, v in map`.
struct value_variable : name {};
struct loop_variables : seq< name, opt< comma, must< value_variable > > > {};
struct comprehension_tail : seq< if_must< kw_for, loop_variables, kw_in, comprehension_source >, opt< filter_clause > > {};
struct comprehension_close : rbracket {};
struct list_tail     : sor< seq< comprehension_tail, must< comprehension_close > >,
                            seq< star< comma, list_element >, opt< comma >, must< list_close > > > {};
struct list_body     : sor< list_close, seq< list_element, list_tail > > {};
struct list_expr     : if_must< lbracket, list_body > {};
struct quantifier_kind : sor< kw_any, kw_all > {};
struct quantifier_close : rparen {};
struct predicate     : seq< expr > {};
struct quantifier    : seq< quantifier_kind, lparen, must< loop_variables, kw_in, comprehension_source, colon, predicate, quantifier_close > > {};
struct call_close    : rparen {};
struct call_argument : seq< expr > {};
struct call          : seq< name, lparen, opt< call_argument, star< comma, must< call_argument > > >, must< call_close > > {};
// `{ name = expr, ... }`; `{}` is the record whose fields all take their defaults.
struct record_close  : rbrace {};
struct record_field_name : key {};
struct record_field_value : seq< expr > {};
struct record_field  : seq< record_field_name, must< equals, record_field_value > > {};
struct record_body   : sor< record_close, seq< record_field, star< comma, record_field >, opt< comma >, must< record_close > > > {};
struct record_literal : if_must< lbrace, record_body > {};
struct name_ref      : name {};
struct primary       : sor< string_lit, integer_lit, true_lit, false_lit, list_expr,
                            paren_expr, record_literal, quantifier, call, name_ref > {};
struct field_name    : name {};
struct member_access : if_must< dot, field_name > {};
struct postfix_expr  : seq< primary, star< member_access > > {};
struct plus_op       : tok< seq< one< '+' >, not_at< one< '=' > > > > {};
struct operand       : postfix_expr {};
struct sum_expr      : seq< postfix_expr, star< plus_op, must< operand > > > {};
struct eq_op         : tok< TAO_PEGTL_STRING( "==" ) > {};
struct ne_op         : tok< TAO_PEGTL_STRING( "!=" ) > {};
struct in_op         : kw_in {};
struct compare_op    : sor< eq_op, ne_op, in_op > {};
struct compare_rhs   : sum_expr {};
struct compare_expr  : seq< sum_expr, opt< compare_op, must< compare_rhs > > > {};
struct not_expr;
struct negation      : if_must< kw_not, not_expr > {};
struct not_expr      : sor< negation, compare_expr > {};
struct and_rhs       : not_expr {};
struct and_expr      : seq< not_expr, star< kw_and, must< and_rhs > > > {};
struct or_rhs        : and_expr {};
struct or_expr       : seq< and_expr, star< kw_or, must< or_rhs > > > {};
// `if c then a else b`, loosest of all: each branch runs to the end of the expression.
struct condition_test : seq< expr > {};
struct then_branch   : seq< expr > {};
struct else_branch   : seq< expr > {};
struct else_clause   : if_must< kw_else, else_branch > {};
struct else_part     : opt< else_clause > {};
struct conditional   : if_must< kw_if, condition_test, kw_then, then_branch, else_part > {};
struct expr          : sor< conditional, or_expr > {};

// --- Schema members: fields, removed and renamed keys, all-or-none groups.
struct field_default  : if_must< equals, expr > {};
struct unique_close   : rparen {};
struct unique_clause  : if_must< kw_unique, lparen, name, unique_close > {};
struct field_type     : type {};
// `hosts(CLASS: ACTION, ...)`: what a manifest may write in this field, by kind of host
// (base/host_class). A word, not a keyword: `hosts` stays usable as a field name.
struct hosts_word     : seq< TAO_PEGTL_STRING( "hosts" ), not_at< ident_other >, skip > {};
struct host_class     : name {};
struct host_action    : name {};
struct host_rule      : seq< host_class, must< colon, host_action > > {};
struct host_rules     : list_must< host_rule, comma > {};
struct hosts_close    : rparen {};
struct hosts_clause   : if_must< seq< hosts_word, lparen >, host_rules, hosts_close > {};
struct field_member   : seq< name, must< colon, field_type >, opt< field_default >, opt< unique_clause >,
                             opt< hosts_clause > > {};
struct removed_member : if_must< kw_removed, name, string_lit > {};
// `renamed OLD -> NEW`: `renamed` is a keyword only here, so `renamed: bool` stays a field.
struct kw_renamed     : kw< TAO_PEGTL_STRING( "renamed" ) > {};
struct rename_arrow   : tok< TAO_PEGTL_STRING( "->" ) > {};
struct renamed_from   : name {};
struct renamed_to     : name {};
struct renamed_member : seq< kw_renamed, not_at< colon >, must< renamed_from, rename_arrow, renamed_to > > {};
struct together_names : list_must< name, comma > {};
struct together_close : rparen {};
struct together_member : if_must< kw_together, lparen, together_names, together_close > {};
struct member         : sor< removed_member, renamed_member, together_member, field_member > {};
struct member_list    : until< rbrace, must< member > > {};

// --- Rules and output.
struct rule_condition : if_must< kw_when, expr > {};
struct add_statement  : seq< name, must< plus_equals, expr > > {};
struct rule_body      : until< rbrace, must< add_statement > > {};
struct output_body;
struct output_block   : if_must< lbrace, output_body > {};
struct output_assign  : if_must< equals, expr > {};
struct output_value   : sor< output_assign, output_block > {};
struct output_key     : key {};
struct output_item    : seq< output_key, opt< rule_condition >, must< output_value > > {};
struct output_body    : until< rbrace, must< output_item > > {};

// --- Declarations.
struct decl_name     : name {};
struct const_type    : type {};
struct const_value   : expr {};
struct import_decl   : if_must< kw_import, string_lit > {};
struct const_annotation : opt< colon, const_type > {};
struct const_decl    : if_must< kw_const, decl_name, const_annotation, equals, const_value > {};
struct let_decl      : if_must< kw_let, decl_name, const_annotation, equals, const_value > {};
struct record_decl   : if_must< kw_record, decl_name, lbrace, member_list > {};
struct manifest_decl : if_must< kw_manifest, decl_name, lbrace, member_list > {};
struct params_decl   : if_must< kw_params, lbrace, member_list > {};
struct set_type      : type {};
struct set_decl      : if_must< kw_set, decl_name, colon, set_type > {};
struct rule_guard    : opt< rule_condition > {};
struct rule_decl     : if_must< kw_rule, decl_name, rule_guard, lbrace, rule_body > {};
struct output_decl   : if_must< kw_output, decl_name, lbrace, output_body > {};
struct declaration   : sor< import_decl, const_decl, let_decl, record_decl, manifest_decl, params_decl,
                            set_decl, rule_decl, output_decl > {};
struct policy_file   : seq< skip, until< eof, must< declaration > > > {};
// One declaration at a time, so the parser can resume after an error.
struct next_declaration : seq< skip, sor< eof, must< declaration > > > {};

// clang-format on

}  // namespace policyc::grammar
