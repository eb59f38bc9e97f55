#include "lsp/navigation.hpp"

#include <fmt/format.h>

#include "compiler/syntax/comments.hpp"
#include "lsp/names.hpp"

namespace policyc::lsp {

namespace {

using Json = nlohmann::json;

Json range_json(std::string_view text, const SourceRange& range, PositionEncoding encoding) {
  const Position start = position_of(text, range.begin, encoding);
  const Position end = position_of(text, range.end, encoding);
  return {{"start", {{"line", start.line}, {"character", start.character}}},
          {"end", {{"line", end.line}, {"character", end.character}}}};
}

Json location_json(const NameIndex& index, const SourceRange& range, PositionEncoding encoding) {
  return {{"uri", uri_of_path(index.path_of(range))},
          {"range", range_json(index.sources.file(range.file).text(), range, encoding)}};
}

}  // namespace

Json definition(const TextPosition& at, const Documents& documents, PositionEncoding encoding) {
  const NameIndex index = index_names(*at.document, documents);
  if (const ImportUse* import = index.import_at(at.document->path, at.offset)) {
    const Json start = {{"line", 0}, {"character", 0}};
    return {{"uri", uri_of_path(import->path)}, {"range", {{"start", start}, {"end", start}}}};
  }
  const std::optional<std::string> name = index.name_at(at.document->path, at.offset);
  Json out = Json::array();
  if (!name) return nullptr;
  for (const Declaration* d : index.declarations_of(*name)) {
    out.push_back(location_json(index, d->name_range, encoding));
  }
  return out.empty() ? Json(nullptr) : out;
}

Json references(const TextPosition& at, const Documents& documents, PositionEncoding encoding) {
  const NameIndex index = index_names(*at.document, documents);
  const std::optional<std::string> name = index.name_at(at.document->path, at.offset);
  Json out = Json::array();
  if (!name) return out;
  for (const SourceRange& range : index.occurrences_of(*name)) {
    out.push_back(location_json(index, range, encoding));
  }
  return out;
}

Json hover(const TextPosition& at, const Documents& documents, PositionEncoding encoding) {
  const NameIndex index = index_names(*at.document, documents);
  const std::optional<std::string> name = index.name_at(at.document->path, at.offset);
  if (!name) return nullptr;
  std::string text;
  for (const Declaration* d : index.declarations_of(*name)) {
    const SourceFile& file = index.sources.file(d->name_range.file);
    text += fmt::format("```policy\n{} {}{}\n```\n", keyword_of(d->kind), d->name,
                        d->detail.empty() ? "" : ": " + d->detail);
    const std::string comment = comment_above(file.text(), d->name_range.begin);
    if (!comment.empty()) text += "\n" + comment;
  }
  if (text.empty()) return nullptr;
  (void)encoding;
  return {{"contents", {{"kind", "markdown"}, {"value", text}}}};
}

Json rename(const TextPosition& at, const std::string& new_name, const Documents& documents,
            PositionEncoding encoding) {
  const NameIndex index = index_names(*at.document, documents);
  const std::optional<std::string> name = index.name_at(at.document->path, at.offset);
  if (!name || index.declarations_of(*name).empty()) return nullptr;
  Json changes = Json::object();
  for (const SourceRange& range : index.occurrences_of(*name)) {
    const std::string uri = uri_of_path(index.path_of(range));
    if (!changes.contains(uri)) changes[uri] = Json::array();
    changes[uri].push_back(
        {{"range", range_json(index.sources.file(range.file).text(), range, encoding)},
         {"newText", new_name}});
  }
  return {{"changes", std::move(changes)}};
}

Json document_symbols(const Document& document, const Documents& documents,
                      PositionEncoding encoding) {
  const NameIndex index = index_names(document, documents);
  Json out = Json::array();
  for (const Declaration& d : index.declarations) {
    if (index.path_of(d.name_range) != document.path) continue;
    // LSP SymbolKind: Constant 14, Variable 13, Struct 23, Array 18, Function 12, Module 2.
    int kind = 13;
    switch (d.kind) {
      case DeclarationKind::Const: kind = 14; break;
      case DeclarationKind::Let: kind = 13; break;
      case DeclarationKind::Record:
      case DeclarationKind::Manifest:
      case DeclarationKind::Params: kind = 23; break;
      case DeclarationKind::Set: kind = 18; break;
      case DeclarationKind::Rule: kind = 12; break;
      case DeclarationKind::Output: kind = 2; break;
    }
    const Json range = range_json(document.text, d.name_range, encoding);
    out.push_back({{"name", d.name},
                   {"detail", std::string(keyword_of(d.kind)) +
                                  (d.detail.empty() ? "" : ": " + d.detail)},
                   {"kind", kind},
                   {"range", range},
                   {"selectionRange", range}});
  }
  return out;
}

}  // namespace policyc::lsp
