// Quick fixes for the diagnostics a client sends back with `textDocument/codeAction`:
// apply a "did you mean" (in a policy or a bottle, where a renamed key is renamed), or
// silence a lint with `# policyc: allow CODE`.
#pragma once
#include <nlohmann/json.hpp>

#include "lsp/documents.hpp"

namespace policyc::lsp {

/// The CodeActions for `params.context.diagnostics` in `document`. Ranges are taken as
/// the client sent them, so they are in the session's encoding already.
nlohmann::json code_actions(const Document& document, const nlohmann::json& params);

}  // namespace policyc::lsp
