// Limits on policy input, so that no policy can crash policyc, exhaust its memory or
// keep it busy for long: each is an error that names the limit (docs/security.md).
// The grammar's own nesting limit is in grammar/nesting_limit.hpp; the manifest's limits
// are in runtime/input/yaml_tree.cpp.
#pragma once
#include <cstddef>

#include "ir/ast.hpp"
#include "base/diagnostic.hpp"

namespace policyc {

/// Bytes of one policy file.
inline constexpr std::size_t kMaxPolicyBytes = 4u << 20;
/// Bytes read from any one input file: enough to tell that a file is over its limit,
/// so reading /dev/zero or a huge file stops early.
inline constexpr std::size_t kMaxReadBytes = (16u << 20) + 1;
/// Imports inside imports, counting from the entry file.
inline constexpr std::size_t kMaxImportDepth = 32;
/// Policy files in one program.
inline constexpr std::size_t kMaxPolicyFiles = 256;
/// Depth of one expression's syntax tree: every operator of a chain (`a or b or c`) and
/// every nested level count. The checker and the evaluator recurse this deep, with
/// frames of up to 6 KB under AddressSanitizer.
inline constexpr std::size_t kMaxExpressionDepth = 256;
/// Constants defined through other constants (`const A = B`, `const B = C`, ...).
inline constexpr std::size_t kMaxConstantChain = 100;
/// Records built from defaults inside records built from defaults (`x: R = {}`).
inline constexpr std::size_t kMaxDefaultNesting = 100;

/// Reports a policy file over kMaxPolicyBytes [E0803], or one that holds a NUL byte or
/// is not UTF-8 [E0810]; false when it does.
bool check_policy_text(const SourceManager& sources, FileId file, DiagnosticSink& diags);

/// Reports every expression of `file` deeper than kMaxExpressionDepth [E0802] and
/// replaces it with `false`, taken apart without recursion, so no later pass (and no
/// destructor) recurses that deep.
void limit_expression_depth(ast::PolicyFile& file, DiagnosticSink& diags);

}  // namespace policyc
