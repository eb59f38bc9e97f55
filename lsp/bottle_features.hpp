// Hover, go to definition and completion in an open bottle, read against the manifest
// schema of the policy its diagnostics come from (lsp/bottle_documents).
#pragma once
#include <string>

#include <nlohmann/json.hpp>

#include "base/source.hpp"
#include "ir/types.hpp"
#include "lsp/navigation.hpp"

namespace policyc::lsp {

/// A schema field as hover and completion show it: its declaration as written (name,
/// type, default, hosts clause) on its first line, the comments that document it, and
/// where it is (file:line).
std::string field_documentation(const FieldType& field, const SourceManager& sources);

/// On a key: the schema field it names (its declaration, the comment above it, where it
/// is). On a hostname value: what `policyc explain BOTTLE --host H` says of it.
nlohmann::json bottle_hover(const TextPosition& at, const Documents& documents);

/// On a key: the declaration of the schema field it names, and for an old name the
/// `renamed` rule too; nothing for a policy not on disk (the shipped one).
nlohmann::json bottle_definition(const TextPosition& at, const Documents& documents,
                                 PositionEncoding encoding);

/// The schema's fields the mapping at the cursor may still have, or, after `KEY: `, the
/// values of KEY's enum.
nlohmann::json bottle_completion(const TextPosition& at, const Documents& documents);

}  // namespace policyc::lsp
