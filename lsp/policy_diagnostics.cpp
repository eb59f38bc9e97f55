#include "lsp/policy_diagnostics.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <memory>
#include <set>

#include "base/error_docs.hpp"
#include "compiler/check/check.hpp"
#include "compiler/lint/lint.hpp"
#include "compiler/lint/suppressions.hpp"

namespace policyc::lsp {

namespace {

using Json = nlohmann::json;

// One entry loaded, then checked as `policyc check` checks it.
struct Checked {
  SourceManager sources;
  DiagnosticSink diags;
};

// A policy of the folder: every file it loads, as the loader names them, and the load
// itself, kept so that checking the policy as an entry does not parse it again.
struct Loaded {
  std::string path;
  std::set<std::string> files;
  std::unique_ptr<Checked> load;
  std::vector<ast::PolicyFile> asts;
};

std::vector<std::string> policies_in(const std::string& folder, const Documents& documents) {
  std::set<std::string> paths;
  std::error_code ec;
  for (std::filesystem::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->path().extension() == ".policy" && it->is_regular_file(ec)) {
      paths.insert(it->path().lexically_normal().string());
    }
  }
  for (const Document* open : documents.all()) {
    if (is_policy(*open) && std::filesystem::path(open->path).parent_path() == folder) {
      paths.insert(open->path);
    }
  }
  return {paths.begin(), paths.end()};
}

// Every policy of the document's folder, loaded.
std::vector<Loaded> load_folder(const Document& document, const Documents& documents,
                                const PolicySource& source) {
  const std::string folder = std::filesystem::path(document.path).parent_path().string();
  std::vector<Loaded> loaded;
  for (const std::string& path : policies_in(folder, documents)) {
    Loaded one{path, {}, std::make_unique<Checked>(), {}};
    one.asts = load_policies(path, source, one.load->sources, one.load->diags);
    for (const ast::PolicyFile& file : one.asts) {
      one.files.insert(one.load->sources.file(file.file).name());
    }
    loaded.push_back(std::move(one));
  }
  return loaded;
}

// The entries of `loaded` that load the document: those no other policy imports.
std::vector<Loaded*> entries_of(const Document& document, std::vector<Loaded>& loaded) {
  std::vector<Loaded*> entries;
  for (Loaded& candidate : loaded) {
    const bool imported = std::any_of(loaded.begin(), loaded.end(), [&](const Loaded& other) {
      return &other != &candidate && other.files.count(candidate.path);
    });
    if (!imported && candidate.files.count(document.path)) entries.push_back(&candidate);
  }
  return entries;
}

}  // namespace

std::vector<std::string> entries_loading(const Document& document, const Documents& documents,
                                         const PolicySource& source) {
  std::vector<Loaded> loaded = load_folder(document, documents, source);
  std::vector<std::string> entries;
  for (const Loaded* entry : entries_of(document, loaded)) entries.push_back(entry->path);
  if (entries.empty()) entries.push_back(document.path);
  return entries;
}

namespace {

// The entry's load checked, linted and its `# policyc: allow` comments applied.
std::unique_ptr<Checked> check_loaded(std::unique_ptr<Checked> checked,
                                      std::vector<ast::PolicyFile> files) {
  std::vector<FileId> ids;
  for (const ast::PolicyFile& file : files) ids.push_back(file.file);
  if (checked->diags.has_errors()) return checked;
  std::unique_ptr<ir::Program> program =
      check_program(std::move(files), checked->sources, checked->diags);
  if (program) {
    lint_program(*program, checked->sources, checked->diags);
    apply_suppressions(checked->sources, ids, checked->diags);
  }
  return checked;
}

}  // namespace

Json range_json(const SourceManager& sources, const SourceRange& range, PositionEncoding encoding) {
  const std::string& text = sources.file(range.file).text();
  const Position start = position_of(text, range.begin, encoding);
  const Position end = position_of(text, std::max(range.begin, range.end), encoding);
  return {{"start", {{"line", start.line}, {"character", start.character}}},
          {"end", {{"line", end.line}, {"character", end.character}}}};
}

std::string find_error_docs(const std::filesystem::path& executable) {
  if (!executable.is_absolute()) return "";  // unknown: not a guess from the current folder
  const std::filesystem::path folder = executable.parent_path();
  for (const std::filesystem::path& candidate :
       {folder / ".." / "share" / "policyc" / "errors.md", folder / ".." / "docs" / "errors.md"}) {
    std::error_code ec;
    if (std::filesystem::is_regular_file(candidate, ec)) {
      return uri_of_path(std::filesystem::weakly_canonical(candidate, ec).string());
    }
  }
  return "";
}

std::string error_doc_url(const std::string& code, const std::string& docs) {
  const ErrorDoc* doc = find_error_doc(code);
  if (!doc || docs.empty()) return "";
  // GitHub's anchor of the heading "## E0202: unknown name": lower case, punctuation
  // dropped, spaces as '-'.
  std::string anchor;
  for (char c : doc->code + ": " + doc->title) {
    if (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_') {
      anchor += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else if (c == ' ') {
      anchor += '-';
    }
  }
  return docs + "#" + anchor;
}

bool is_policy(const Document& document) {
  return document.language == "policy" ||
         std::filesystem::path(document.path).extension() == ".policy";
}

std::string uri_on_disk(const SourceManager& sources, FileId file, const std::string& root) {
  const std::filesystem::path path =
      (std::filesystem::path(root) / sources.file(file).name()).lexically_normal();
  return path.is_absolute() ? uri_of_path(path.string()) : "";
}

Json to_lsp(const Diagnostic& d, const SourceManager& sources, PositionEncoding encoding,
            const std::string& error_docs, const std::string& root) {
  Json out = {{"range", range_json(sources, d.range, encoding)},
              {"severity", d.severity == Severity::Error ? 1 : 2},
              {"code", d.code},
              {"source", "policyc"},
              {"message", d.message}};
  if (std::string href = error_doc_url(d.code, error_docs); !href.empty()) {
    out["codeDescription"] = {{"href", std::move(href)}};
  }
  Json related = Json::array();
  for (const DiagnosticNote& note : d.notes) {
    if (!note.range.valid()) continue;
    std::string uri = uri_on_disk(sources, note.range.file, root);
    if (uri.empty()) continue;
    related.push_back(
        {{"location",
          {{"uri", std::move(uri)},
           {"range", range_json(sources, note.range, encoding)}}},
         {"message", note.message}});
  }
  if (!related.empty()) out["relatedInformation"] = std::move(related);
  if (!d.suggestion.empty()) out["data"] = {{"suggestion", d.suggestion}};
  return out;
}

std::map<std::string, Json> policy_diagnostics(const Documents& documents,
                                               PositionEncoding encoding,
                                               const std::string& error_docs) {
  const OverlaySource source(documents);
  std::map<std::string, std::unique_ptr<Checked>> checked;  // by entry, each checked once
  std::map<std::string, std::vector<Loaded>> folders;       // each folder loaded once
  std::map<std::string, Json> out;
  for (const Document* document : documents.all()) {
    if (!is_policy(*document)) continue;
    Json& list = out[document->uri] = Json::array();
    std::set<std::tuple<std::uint32_t, std::uint32_t, std::string, std::string>> seen;
    std::vector<Loaded>& loaded =
        folders[std::filesystem::path(document->path).parent_path().string()];
    if (loaded.empty()) loaded = load_folder(*document, documents, source);
    std::vector<Loaded*> entries = entries_of(*document, loaded);
    // A document no policy of its folder loads (one not saved under it) is its own entry.
    Loaded alone{document->path, {}, std::make_unique<Checked>(), {}};
    if (entries.empty()) {
      alone.asts = load_policies(alone.path, source, alone.load->sources, alone.load->diags);
      entries.push_back(&alone);
    }
    for (Loaded* entry : entries) {
      std::unique_ptr<Checked>& result = checked[entry->path];
      if (!result) result = check_loaded(std::move(entry->load), std::move(entry->asts));
      for (const Diagnostic& d : result->diags.sorted()) {
        if (!d.range.valid() || result->sources.file(d.range.file).name() != document->path) continue;
        if (!seen.insert({d.range.begin, d.range.end, d.code, d.message}).second) continue;
        list.push_back(to_lsp(d, result->sources, encoding, error_docs));
      }
    }
  }
  return out;
}

}  // namespace policyc::lsp
