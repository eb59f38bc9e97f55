// Parsing one policy file into its AST.
#pragma once
#include <optional>

#include "ir/ast.hpp"
#include "base/diagnostic.hpp"

namespace policyc {

/// Parses `file`. A syntax error is reported and parsing resumes at the next line that
/// starts with a declaration keyword, so one typo does not hide the next. Declarations
/// that parsed are kept.
ast::PolicyFile parse_policy(const SourceManager& sources, FileId file, DiagnosticSink& diags);

/// The end of the last token before `offset`: where a missing token is expected. The
/// search stops at `floor`, which must not be inside a string or a comment.
std::uint32_t end_of_previous_token(const std::string& text, std::uint32_t offset,
                                    std::uint32_t floor = 0);

}  // namespace policyc
