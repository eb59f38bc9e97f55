#include <algorithm>
#include <filesystem>

#include "lsp/bottle_documents.hpp"
#include "lsp/bottle_features.hpp"
#include "lsp/yaml_outline.hpp"
#include "runtime/input/scalar_convert.hpp"

namespace policyc::lsp {

namespace {

using Json = nlohmann::json;

// LSP CompletionItemKind values.
constexpr int kProperty = 10, kEnumMember = 20;

// What a key's value holds, through any lists: a list of routes holds routes.
const Type& held(const Type& type) {
  return type.kind == Type::Kind::List ? held(*type.element) : type;
}

Json enum_values(const Type& type) {
  Json items = Json::array();
  for (const std::string& value : type.enum_values) {
    items.push_back({{"label", value}, {"kind", kEnumMember}, {"detail", describe_type(type)}});
  }
  return items;
}

bool is_markdown(const Document& document) {
  const std::string extension = std::filesystem::path(document.path).extension().string();
  return document.language == "markdown" || extension == ".md" || extension == ".markdown";
}

}  // namespace

Json bottle_completion(const TextPosition& at, const Documents& documents) {
  Json items = Json::array();
  auto answer = [&] { return Json{{"isIncomplete", false}, {"items", items}}; };
  const std::optional<YamlOutline> outline =
      yaml_outline(at.document->text, at.offset, is_markdown(*at.document));
  if (!outline) return answer();
  const std::unique_ptr<OpenBottle> open = compile_open_bottle(*at.document, documents);
  if (!open->program) return answer();
  const RecordType* record = open->program->manifest;
  const Type* type = nullptr;  // what the innermost key of the path holds
  for (const std::string& key : outline->path) {
    const FieldType* field = record ? field_named(*record, key) : nullptr;
    if (!field) return answer();
    type = &held(*field->type);
    record = type->kind == Type::Kind::Record ? type->record : nullptr;
  }
  if (outline->value_of) {
    const FieldType* field = record ? field_named(*record, *outline->value_of) : nullptr;
    if (field && field->type->kind == Type::Kind::Enum) items = enum_values(*field->type);
    return answer();
  }
  if (outline->item && type && type->kind == Type::Kind::Enum) {
    items = enum_values(*type);  // an element of a list of an enum
    return answer();
  }
  if (!record) return answer();
  std::vector<const FieldType*> present;
  for (const std::string& key : outline->siblings) present.push_back(field_named(*record, key));
  for (const FieldType& field : record->fields) {
    if (std::find(present.begin(), present.end(), &field) != present.end()) continue;
    items.push_back({{"label", field.name},
                     {"kind", kProperty},
                     {"detail", describe_type(*field.type)},
                     {"documentation",
                      {{"kind", "markdown"}, {"value", field_documentation(field, open->sources)}}},
                     {"insertText", field.name + ": "}});
  }
  return answer();
}

}  // namespace policyc::lsp
