// The shipped policies' AST, parsed at build time. A compile at bottle launch then reads
// the AST back from bytes instead of parsing the policy text, which was a third of a
// typical compile (docs/performance.md). The texts stay embedded for diagnostics, and a
// snapshot whose texts differ from the embedded ones is never used.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ir/ast.hpp"
#include "base/source.hpp"

namespace policyc {

/// The bytes of `files` as parsed from the first `sources` files onward, in the order
/// they were added: their names, a hash of each text, then the AST before checking.
std::string write_ast_snapshot(const std::vector<ast::PolicyFile>& files,
                               const SourceManager& sources);

/// Adds the snapshot's policy files to `sources` (texts from the embedded policies) and
/// returns their AST, exactly as parsing them would. Nothing, and `sources` unchanged,
/// when the snapshot is empty, malformed, or was made from other texts.
std::optional<std::vector<ast::PolicyFile>> read_ast_snapshot(std::string_view snapshot,
                                                              SourceManager& sources);

/// The snapshot built into this binary; empty in the tool that makes it.
std::string_view shipped_ast_snapshot();

}  // namespace policyc
