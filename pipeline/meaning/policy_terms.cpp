#include "pipeline/meaning/policy_terms.hpp"

#include <fmt/format.h>

#include "compiler/format/format.hpp"

namespace policyc {

using Kind = ast::Expr::Kind;

namespace {

// A list with more values than this is named by its size, not printed.
constexpr std::size_t kMaxInlineValues = 3;

bool is_empty_list(const ast::Expr& e) { return e.kind == Kind::List && e.operands.empty(); }

bool is_presence(const ast::Expr& e) {
  return e.kind == Kind::Call && e.builtin == ast::Builtin::Present && e.operands.size() == 1;
}

bool is_comparison(const ast::Expr& e) {
  return e.kind == Kind::Equal || e.kind == Kind::NotEqual || e.kind == Kind::In;
}

bool is_literal(const ast::Expr& e) {
  return e.kind == Kind::String || e.kind == Kind::Integer || e.kind == Kind::Bool ||
         e.kind == Kind::List;
}

}  // namespace

std::string PolicyTerms::source_text(const ast::Expr& e) const {
  return format_expression(e, sources_.file(e.range.file).text());
}

std::string PolicyTerms::file_of(const SourceRange& range) const {
  return range.valid() ? sources_.file(range.file).name() : std::string();
}

unsigned PolicyTerms::line_of(const SourceRange& range) const {
  return range.valid() ? sources_.file(range.file).line_col(range.begin).line : 0;
}

std::string PolicyTerms::where(const SourceRange& range) const {
  return fmt::format("{}:{}", file_of(range), line_of(range));
}

std::string PolicyTerms::constant(std::size_t slot) const {
  const ir::Constant& c = program_.constants[slot];
  const std::string at = where(c.decl->name_range);
  if (c.value.kind == Value::Kind::List && c.value.items.size() > kMaxInlineValues) {
    return fmt::format("the {} values of {} ({})", c.value.items.size(), c.decl->name, at);
  }
  if (is_literal(*c.decl->value)) {
    return fmt::format("{} = {} ({})", c.decl->name, source_text(*c.decl->value), at);
  }
  return fmt::format("{} ({})", c.decl->name, at);
}

std::string PolicyTerms::condition(const ast::Expr& e, bool nested) const {
  return term(e, nested ? kAnd : kQuantifier);
}

std::string PolicyTerms::negation(const ast::Expr& e, bool nested) const {
  if (e.kind == Kind::Not) return condition(*e.operands[0], nested);
  if (is_comparison(e)) return comparison(e, true);
  if (is_presence(e)) return term(*e.operands[0], kPrimary) + " is not given";
  return "not " + term(e, kNot);
}

std::string PolicyTerms::term(const ast::Expr& e, Level place) const {
  Level level = kPrimary;
  std::string text = term_of(e, level);
  return level < place ? "(" + text + ")" : text;
}

std::string PolicyTerms::comparison(const ast::Expr& e, bool negated) const {
  const std::string lhs = term(*e.operands[0], kPrimary);
  if (e.kind == Kind::In) {
    return lhs + (negated ? " is not in " : " is in ") + term(*e.operands[1], kPrimary);
  }
  const bool equal = (e.kind == Kind::Equal) != negated;
  if (is_empty_list(*e.operands[1])) return lhs + (equal ? " is empty" : " is not empty");
  return lhs + (equal ? " is " : " is not ") + term(*e.operands[1], kPrimary);
}

std::string PolicyTerms::term_of(const ast::Expr& e, Level& level) const {
  switch (e.kind) {
    case Kind::Or:
      level = kOr;
      return term(*e.operands[0], kOr) + " or " + term(*e.operands[1], kAnd);
    case Kind::And:
      level = kAnd;
      return term(*e.operands[0], kAnd) + " and " + term(*e.operands[1], kNot);
    case Kind::Not:
      level = is_comparison(*e.operands[0]) || is_presence(*e.operands[0]) ? kCompare : kNot;
      return negation(*e.operands[0]);
    case Kind::Equal:
    case Kind::NotEqual:
    case Kind::In:
      level = kCompare;
      return comparison(e, false);
    case Kind::Quantifier: {
      level = kQuantifier;
      const std::string variables = e.key_name.empty() ? e.text : e.key_name + ", " + e.text;
      return fmt::format("for {} {} in {}: {}", e.boolean ? "every" : "some", variables,
                         term(*e.operands[0], kPrimary), term(*e.operands[1], kQuantifier));
    }
    case Kind::Name:
      return name(e, level);
    case Kind::Member:
      return term(*e.operands[0], kPrimary) + "." + e.text;
    case Kind::Call:
      if (is_presence(e)) {
        level = kCompare;
        return term(*e.operands[0], kPrimary) + " is given";
      }
      return source_text(e);
    case Kind::Conditional:
    case Kind::Add:
      level = kQuantifier;  // loose in the source too: parenthesized inside anything
      return source_text(e);
    default:
      return source_text(e);
  }
}

std::string PolicyTerms::name(const ast::Expr& e, Level& level) const {
  switch (e.binding) {
    case ast::Binding::Local: {
      auto it = locals_.find(e.text);
      return it == locals_.end() ? e.text : it->second;
    }
    case ast::Binding::Constant: {
      // A scalar shows its value where it is compared; a list is named.
      const ast::Expr& value = *program_.constants[e.slot].decl->value;
      const bool scalar = is_literal(value) && value.kind != Kind::List;
      return scalar ? fmt::format("{} ({})", e.text, source_text(value)) : e.text;
    }
    case ast::Binding::Let:
      // A `let` is one definition shared by several places: its meaning is that definition.
      return term_of(*program_.constants[e.slot].decl->value, level);
    default:
      return e.text;
  }
}

}  // namespace policyc
