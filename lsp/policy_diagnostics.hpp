// What `policyc check` says of each open policy document, as LSP diagnostics.
#pragma once
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/diagnostic.hpp"
#include "lsp/documents.hpp"
#include "lsp/positions.hpp"

namespace policyc::lsp {

/// Where the repository's docs/errors.md is read on the web: a diagnostic's
/// codeDescription is this with the code's heading as the anchor.
constexpr const char* kErrorDocsUrl =
    "https://github.com/policyc/policyc/blob/main/docs/errors.md";

/// The page and anchor documenting `code`, or empty for a code docs/errors.md lacks.
std::string error_doc_url(const std::string& code);

/// The LSP Range of `range`, a range of a file of `sources`.
nlohmann::json range_json(const SourceManager& sources, const SourceRange& range,
                          PositionEncoding encoding);

/// An LSP Diagnostic for `d`, whose range lies in `text`: severity, code, source
/// "policyc", the message, and each note as related information. A note in a file named
/// relative to `root` (a project's policies) links to the file under it; one in a file
/// that is not on disk (the shipped policies) is left out.
nlohmann::json to_lsp(const Diagnostic& d, const SourceManager& sources, PositionEncoding encoding,
                      const std::string& root = "");

/// The diagnostics of every open policy document, keyed by URI (an empty array for a
/// clean one). A document is checked inside each entry policy of its folder that loads
/// it, as `policyc check FOLDER` does (alone when none does), with lints and
/// `# policyc: allow` comments applied; open documents are read before the disk.
std::map<std::string, nlohmann::json> policy_diagnostics(const Documents& documents,
                                                         PositionEncoding encoding);

/// The entry policies of the document's folder that load it: those no other policy of
/// the folder imports. The document alone when none does.
std::vector<std::string> entries_loading(const Document& document, const Documents& documents,
                                         const PolicySource& source);

/// Whether the document is a policy (by language id or by its `.policy` name).
bool is_policy(const Document& document);

}  // namespace policyc::lsp
