// What `policyc check` says of each open policy document, as LSP diagnostics.
#pragma once
#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "base/diagnostic.hpp"
#include "lsp/documents.hpp"
#include "lsp/positions.hpp"

namespace policyc::lsp {

/// An LSP Diagnostic for `d`, whose range lies in `text`: severity, code, source
/// "policyc", the message, and each note as related information.
nlohmann::json to_lsp(const Diagnostic& d, const SourceManager& sources, PositionEncoding encoding);

/// The diagnostics of every open policy document, keyed by URI (an empty array for a
/// clean one). A document is checked inside each entry policy of its folder that loads
/// it, as `policyc check FOLDER` does (alone when none does), with lints and
/// `# policyc: allow` comments applied; open documents are read before the disk.
std::map<std::string, nlohmann::json> policy_diagnostics(const Documents& documents,
                                                         PositionEncoding encoding);

/// Whether the document is a policy (by language id or by its `.policy` name).
bool is_policy(const Document& document);

}  // namespace policyc::lsp
