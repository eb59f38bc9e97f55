#include "lsp/field_navigation.hpp"

#include <algorithm>
#include <tuple>

#include "compiler/lint/walk.hpp"
#include "lsp/analysis.hpp"
#include "lsp/policy_diagnostics.hpp"

namespace policyc::lsp {

namespace {

using Json = nlohmann::json;

// Where a field's name is written: its declaration, or a use.
struct FieldName {
  const FieldType* field = nullptr;
  SourceRange range;
};

SourceRange declared_name(const FieldType& field) {
  return {field.range.file, field.range.begin,
          static_cast<std::uint32_t>(field.range.begin + field.name.size())};
}

// Every place a field's name is written in the files the analysis loaded: the
// declarations first, then the uses (`x.field`, `{field: ...}`), in source order.
std::vector<FieldName> field_names(const Analysis& analysis) {
  std::vector<FieldName> out;
  for (const std::unique_ptr<RecordType>& record : analysis.program.records) {
    for (const FieldType& field : record->fields) {
      if (field.range.valid()) out.push_back({&field, declared_name(field)});
    }
  }
  for_each_root(analysis.program, [&](const ExprRoot& root) {
    if (!root.expr) return;
    for_each_node(*root.expr, [&](const ast::Expr& e, const ast::Expr*, std::size_t) {
      if (e.kind == ast::Expr::Kind::Member && !e.operands.empty()) {
        const RecordType* record = record_of(e.operands[0]->type);
        if (const FieldType* field = record ? record->find(e.text) : nullptr) {
          out.push_back({field, e.text_range});
        }
      } else if (e.kind == ast::Expr::Kind::Record) {
        const RecordType* record = record_of(e.type);
        for (std::size_t i = 0; record && i < e.field_names.size(); ++i) {
          if (const FieldType* field = record->find(e.field_names[i])) {
            out.push_back({field, e.field_ranges[i]});
          }
        }
      }
    });
  });
  return out;
}

const FieldType* field_at(const Analysis& analysis, const std::vector<FieldName>& names,
                          std::uint32_t offset) {
  for (const FieldName& name : names) {
    if (name.range.valid() && name.range.file == analysis.file && name.range.begin <= offset &&
        offset <= name.range.end) {
      return name.field;
    }
  }
  return nullptr;
}

Json location_json(const Analysis& analysis, const SourceRange& range, PositionEncoding encoding) {
  return {{"uri", uri_on_disk(analysis.sources, range.file, "")},
          {"range", range_json(analysis.sources, range, encoding)}};
}

}  // namespace

Json field_definition(const TextPosition& at, const Documents& documents,
                      PositionEncoding encoding) {
  const std::unique_ptr<Analysis> analysis = analyze(*at.document, documents);
  const FieldType* field = field_at(*analysis, field_names(*analysis), at.offset);
  if (!field || !field->range.valid()) return nullptr;
  return Json::array({location_json(*analysis, declared_name(*field), encoding)});
}

Json field_references(const TextPosition& at, const Documents& documents,
                      PositionEncoding encoding, bool include_declaration) {
  const std::unique_ptr<Analysis> analysis = analyze(*at.document, documents);
  std::vector<FieldName> names = field_names(*analysis);
  const FieldType* field = field_at(*analysis, names, at.offset);
  if (!field) return nullptr;
  names.erase(std::remove_if(names.begin(), names.end(),
                             [&](const FieldName& name) { return name.field != field; }),
              names.end());
  // The declaration (pushed first) stays first; the uses go in file and source order.
  const auto uses = names.begin() + (field->range.valid() ? 1 : 0);
  std::stable_sort(uses, names.end(), [](const FieldName& a, const FieldName& b) {
    return std::tie(a.range.file, a.range.begin) < std::tie(b.range.file, b.range.begin);
  });
  Json out = Json::array();
  for (auto name = include_declaration ? names.begin() : uses; name != names.end(); ++name) {
    out.push_back(location_json(*analysis, name->range, encoding));
  }
  return out;
}

}  // namespace policyc::lsp
