// Go to definition and find references for fields: `bottle.egress.allowlist`, a record
// literal's `{host: ...}` and a field's declaration all name a field of a record type,
// which the name index (names of declarations and variables) does not know; the checked
// policy's types do.
#pragma once
#include <nlohmann/json.hpp>

#include "lsp/navigation.hpp"

namespace policyc::lsp {

/// The declaration of the field named at `at`, or null when no field is named there.
nlohmann::json field_definition(const TextPosition& at, const Documents& documents,
                                PositionEncoding encoding);

/// The field's declaration (unless `include_declaration` is false) and every use of it
/// in the files the entry loads, in file order; null when no field is named at `at`.
nlohmann::json field_references(const TextPosition& at, const Documents& documents,
                                PositionEncoding encoding, bool include_declaration);

}  // namespace policyc::lsp
