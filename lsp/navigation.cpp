#include "lsp/navigation.hpp"

#include <algorithm>

#include "lsp/field_navigation.hpp"
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
  const std::optional<Symbol> symbol = index.symbol_at(at.document->path, at.offset);
  Json out = Json::array();
  if (!symbol) return field_definition(at, documents, encoding);
  for (const SourceRange& range : index.definitions_of(*symbol)) {
    out.push_back(location_json(index, range, encoding));
  }
  return out.empty() ? Json(nullptr) : out;
}

Json references(const TextPosition& at, const Documents& documents, PositionEncoding encoding,
                bool include_declaration) {
  const NameIndex index = index_names(*at.document, documents);
  const std::optional<Symbol> symbol = index.symbol_at(at.document->path, at.offset);
  if (!symbol) {
    Json fields = field_references(at, documents, encoding, include_declaration);
    return fields.is_null() ? Json::array() : fields;
  }
  const std::vector<SourceRange> definitions = index.definitions_of(*symbol);
  Json out = Json::array();
  for (const SourceRange& range : index.occurrences_of(*symbol)) {
    const bool is_definition =
        std::any_of(definitions.begin(), definitions.end(), [&](const SourceRange& d) {
          return d.file == range.file && d.begin == range.begin;
        });
    if (include_declaration || !is_definition) out.push_back(location_json(index, range, encoding));
  }
  return out;
}

Json rename(const TextPosition& at, const std::string& new_name, const Documents& documents,
            PositionEncoding encoding) {
  const NameIndex index = index_names(*at.document, documents);
  const std::optional<Symbol> symbol = index.symbol_at(at.document->path, at.offset);
  if (!symbol || index.definitions_of(*symbol).empty()) return nullptr;
  Json changes = Json::object();
  for (const SourceRange& range : index.occurrences_of(*symbol)) {
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
