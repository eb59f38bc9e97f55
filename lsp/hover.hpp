// Hover: what a name, a field, a built-in or an output key is, from the checked policy
// when it parses, else from the name index alone.
#pragma once
#include <nlohmann/json.hpp>

#include "lsp/documents.hpp"
#include "lsp/navigation.hpp"
#include "lsp/positions.hpp"

namespace policyc::lsp {

/// A declaration: its kind, name, type, a constant's value and the comment above it.
/// A loop variable: its type. A built-in: its signature and what it does. A field
/// (`bottle.egress.allowlist`, or where it is declared): its type, default and comment.
/// A pipelock output key: its type in the output schema. Null elsewhere.
nlohmann::json hover(const TextPosition& at, const Documents& documents,
                     PositionEncoding encoding);

}  // namespace policyc::lsp
