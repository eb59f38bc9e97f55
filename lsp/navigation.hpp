// Requests answered from the name index: go to definition, find references, rename
// and document symbols (hover is lsp/hover.hpp). Each takes the request's params and
// returns its result.
#pragma once
#include <nlohmann/json.hpp>

#include "lsp/documents.hpp"
#include "lsp/positions.hpp"

namespace policyc::lsp {

/// A document and a byte offset in it, read from a TextDocumentPositionParams.
struct TextPosition {
  const Document* document = nullptr;
  std::uint32_t offset = 0;
};

nlohmann::json definition(const TextPosition& at, const Documents& documents,
                          PositionEncoding encoding);
/// Every place the name (or field) at `at` is written, its declarations first unless
/// `include_declaration` is false (the client's `context.includeDeclaration`).
nlohmann::json references(const TextPosition& at, const Documents& documents,
                          PositionEncoding encoding, bool include_declaration = true);
/// A WorkspaceEdit renaming the declaration at `at` and every use of it; nothing when no
/// declared name is there.
nlohmann::json rename(const TextPosition& at, const std::string& new_name,
                      const Documents& documents, PositionEncoding encoding);
nlohmann::json document_symbols(const Document& document, const Documents& documents,
                                PositionEncoding encoding);

}  // namespace policyc::lsp
