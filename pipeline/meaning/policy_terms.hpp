// A checked policy's expressions in the policy's own words, for `explain` without a
// bottle: `a != []` reads "a is not empty", `present(x)` "x is given", a constant shows
// its value or size and where it is defined, a `let` is replaced by its definition, and a
// loop variable by the list it walks ("bottle.routes[]"). What has no simpler reading
// (a call, text built with `+`, a literal) is the source expression as `policyc fmt`
// prints it (compiler/format), so there is one printer of expressions.
#pragma once
#include <map>
#include <string>

#include "base/diagnostic.hpp"
#include "ir/program.hpp"

namespace policyc {

class PolicyTerms {
 public:
  PolicyTerms(const ir::Program& program, const SourceManager& sources)
      : program_(program), sources_(sources) {}

  /// `e` as a reader says it: on its own (`nested` false) or as one operand of an
  /// `and` (true: an `or` or a quantifier is then parenthesized).
  std::string condition(const ast::Expr& e, bool nested = false) const;
  /// The condition `not e`, with the negation pushed into a comparison or presence.
  std::string negation(const ast::Expr& e, bool nested = false) const;
  /// The source text of `e` in canonical spacing.
  std::string source_text(const ast::Expr& e) const;
  /// "file:line" of a range's start.
  std::string where(const SourceRange& range) const;
  std::string file_of(const SourceRange& range) const;
  unsigned line_of(const SourceRange& range) const;
  /// A constant as a source of values: `NAME = "v" (file:line)`, or for a list of more
  /// than three values "the N values of NAME (file:line)".
  std::string constant(std::size_t slot) const;

  /// While bound, the loop variable `name` reads as `shown`.
  void bind(const std::string& name, std::string shown) { locals_[name] = std::move(shown); }
  void unbind(const std::string& name) { locals_.erase(name); }

 private:
  // Binding strength, loosest first: an operand looser than its place is parenthesized.
  enum Level { kQuantifier, kOr, kAnd, kNot, kCompare, kPrimary };
  std::string term(const ast::Expr& e, Level place) const;
  std::string term_of(const ast::Expr& e, Level& level) const;
  std::string name(const ast::Expr& e, Level& level) const;
  std::string comparison(const ast::Expr& e, bool negated) const;

  const ir::Program& program_;
  const SourceManager& sources_;
  std::map<std::string, std::string> locals_;
};

}  // namespace policyc
