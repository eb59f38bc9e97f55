// The snapshot tool itself is built without a snapshot: it parses the policies.
#include "compiler/syntax/ast_snapshot.hpp"

namespace policyc {

std::string_view shipped_ast_snapshot() { return {}; }

}  // namespace policyc
