// `policyc fmt`: the one canonical layout of a policy file.
//
// Two-space indentation; one declaration, member, statement or output key a line; one
// space around binary operators and after commas; a blank line around every block
// declaration and at most one elsewhere, as written; a list is printed one element a
// line (with a trailing comma) when it was written with its first element on a new
// line, holds a comment, or would pass column 100. Comments stay where they were:
// above a construct, or after it on its line (aligned at column 40).
#pragma once
#include <optional>
#include <string>

#include "ir/ast.hpp"
#include "base/diagnostic.hpp"

namespace policyc {

/// The column trailing comments start at, when the code leaves room.
inline constexpr std::size_t kCommentColumn = 40;
/// Lists wider than this are printed one element per line.
inline constexpr std::size_t kLineWidth = 100;

/// The formatted text of `file`, or nothing when it has syntax errors (reported).
std::optional<std::string> format_policy(const SourceManager& sources, FileId file,
                                         DiagnosticSink& diags);

/// `expr` on one line in canonical spacing; `text` is the source it was parsed from.
std::string format_expression(const ast::Expr& expr, const std::string& text);

}  // namespace policyc
