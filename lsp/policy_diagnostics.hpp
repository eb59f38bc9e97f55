// What `policyc check` says of each open policy document, as LSP diagnostics.
#pragma once
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/diagnostic.hpp"
#include "lsp/documents.hpp"
#include "lsp/positions.hpp"

namespace policyc::lsp {

/// The file:// URI of the docs/errors.md that goes with `executable`: the copy installed
/// beside it (PREFIX/share/policyc/errors.md for PREFIX/bin/policyc), or, for a binary
/// built in a folder of the checkout (build/policyc), the checkout's. Empty when there is
/// neither: a diagnostic then has its code and no link, rather than a link to nowhere.
std::string find_error_docs(const std::filesystem::path& executable);

/// The page `docs` (a URI of docs/errors.md, or empty) with the anchor of the heading
/// documenting `code`; empty for no page or a code docs/errors.md lacks.
std::string error_doc_url(const std::string& code, const std::string& docs);

/// The LSP Range of `range`, a range of a file of `sources`.
nlohmann::json range_json(const SourceManager& sources, const SourceRange& range,
                          PositionEncoding encoding);

/// The URI of `file` named relative to `root` (a project's policies), or empty for a file
/// that is not on disk (the shipped policies, named "policies/NAME.policy").
std::string uri_on_disk(const SourceManager& sources, FileId file, const std::string& root);

/// An LSP Diagnostic for `d`, whose range lies in `text`: severity, code, source
/// "policyc", the message, and each note as related information. A note in a file named
/// relative to `root` (a project's policies) links to the file under it; one in a file
/// that is not on disk (the shipped policies) is left out. With `error_docs` (see
/// error_doc_url), the code links to its documentation.
nlohmann::json to_lsp(const Diagnostic& d, const SourceManager& sources, PositionEncoding encoding,
                      const std::string& error_docs, const std::string& root = "");

/// The diagnostics of every open policy document, keyed by URI (an empty array for a
/// clean one). A document is checked inside each entry policy of its folder that loads
/// it, as `policyc check FOLDER` does (alone when none does), with lints and
/// `# policyc: allow` comments applied; open documents are read before the disk.
std::map<std::string, nlohmann::json> policy_diagnostics(const Documents& documents,
                                                         PositionEncoding encoding,
                                                         const std::string& error_docs);

/// The entry policies of the document's folder that load it: those no other policy of
/// the folder imports. The document alone when none does.
std::vector<std::string> entries_loading(const Document& document, const Documents& documents,
                                         const PolicySource& source);

/// Whether the document is a policy (by language id or by its `.policy` name).
bool is_policy(const Document& document);

}  // namespace policyc::lsp
