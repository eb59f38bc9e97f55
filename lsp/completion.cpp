#include "lsp/completion.hpp"

#include <set>

#include "lsp/names.hpp"

namespace policyc::lsp {

namespace {

using Json = nlohmann::json;

// LSP CompletionItemKind values.
constexpr int kFunction = 3, kVariable = 6, kClass = 7, kKeyword = 14, kTypeParameter = 25;

constexpr const char* kKeywords[] = {
    "import", "const", "let",  "record", "manifest", "params", "set",   "rule", "output",
    "when",   "removed", "together", "unique", "for", "in", "if", "then", "else", "any",
    "all",    "and",   "or",   "not",    "true",  "false"};
// compiler/check/type_resolution.cpp names these; the list here is only what to offer.
constexpr const char* kTypes[] = {"bool", "int",  "string", "hostname", "path",
                                  "cidr", "list", "map",    "enum"};
constexpr const char* kBuiltins[] = {"sorted", "len", "present", "flatten", "keys", "values"};

int item_kind(DeclarationKind kind) {
  switch (kind) {
    case DeclarationKind::Record:
    case DeclarationKind::Manifest:
    case DeclarationKind::Params: return kClass;
    default: return kVariable;
  }
}

}  // namespace

Json completion(const TextPosition& at, const Documents& documents) {
  Json items = Json::array();
  std::set<std::string> offered;
  auto offer = [&](const std::string& label, int kind, const std::string& detail) {
    if (!offered.insert(label).second) return;
    items.push_back({{"label", label}, {"kind", kind}, {"detail", detail}});
  };
  const NameIndex index = index_names(*at.document, documents);
  for (const Declaration& d : index.declarations) {
    if (d.kind == DeclarationKind::Rule || d.kind == DeclarationKind::Output) continue;
    offer(d.name, item_kind(d.kind),
          std::string(keyword_of(d.kind)) + (d.detail.empty() ? "" : ": " + d.detail));
  }
  for (const char* name : kBuiltins) offer(name, kFunction, "built-in function");
  for (const char* name : kTypes) offer(name, kTypeParameter, "type");
  for (const char* name : kKeywords) offer(name, kKeyword, "keyword");
  return {{"isIncomplete", false}, {"items", std::move(items)}};
}

}  // namespace policyc::lsp
