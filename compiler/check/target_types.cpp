#include "compiler/check/target_types.hpp"

#include <map>
#include <memory>
#include <mutex>

#include <fmt/format.h>

namespace policyc {

namespace {

using Kind = Type::Kind;

TypeRef element_type(const TargetField& field) {
  switch (field.type) {
    case TargetField::Type::HostList: return make_type(Kind::Hostname);
    case TargetField::Type::CidrList: return make_type(Kind::Cidr);
    case TargetField::Type::StringList: return make_type(Kind::String);
    default: return target_value_type(*field.element, false);
  }
}

// "dlp.patterns[]": where each record of the schema sits, as messages name it.
void name_records(const TargetField& field, const std::string& path,
                  std::map<const TargetField*, std::string>& names) {
  if (field.type == TargetField::Type::Record) names[&field] = path;
  for (const TargetField& child : field.children) {
    name_records(child, path.empty() ? child.key : path + "." + child.key, names);
  }
  if (field.element) {
    name_records(*field.element, path + (field.type == TargetField::Type::List ? "[]" : "{}"),
                 names);
  }
}

const std::string& record_name(const TargetField& record) {
  static const std::map<const TargetField*, std::string> names = [] {
    std::map<const TargetField*, std::string> out;
    name_records(pipelock_schema(), "", out);
    return out;
  }();
  auto found = names.find(&record);
  return found != names.end() ? found->second : record.key;
}

// One RecordType per record of the schema, built on first use and never freed: the
// checked program's types point at it.
const RecordType* record_type(const TargetField& record) {
  static std::mutex mutex;
  static std::map<const TargetField*, std::unique_ptr<RecordType>> built;
  {
    const std::lock_guard<std::mutex> lock(mutex);
    auto found = built.find(&record);
    if (found != built.end()) return found->second.get();
  }
  auto type = std::make_unique<RecordType>();
  type->name = record_name(record);
  type->target = &record;
  for (const TargetField& child : record.children) {
    FieldType field;
    field.name = child.key;
    field.type = target_value_type(child, !child.required);
    type->fields.push_back(std::move(field));
  }
  const std::lock_guard<std::mutex> lock(mutex);
  return built.emplace(&record, std::move(type)).first->second.get();
}

}  // namespace

TypeRef target_value_type(const TargetField& field, bool optional) {
  auto type = std::make_shared<Type>();
  type->optional = optional;
  switch (field.type) {
    case TargetField::Type::Int:
    case TargetField::Type::Number: type->kind = Kind::Int; break;
    case TargetField::Type::Bool: type->kind = Kind::Bool; break;
    case TargetField::Type::String: type->kind = Kind::String; break;
    case TargetField::Type::Enum:
      type->kind = Kind::Enum;
      type->enum_values = field.enum_values;
      break;
    case TargetField::Type::StringList:
    case TargetField::Type::HostList:
    case TargetField::Type::CidrList:
    case TargetField::Type::List:
      type->kind = Kind::List;
      type->element = element_type(field);
      break;
    case TargetField::Type::Map:
      type->kind = Kind::Map;
      type->element = target_value_type(*field.element, false);
      break;
    case TargetField::Type::Record:
      type->kind = Kind::Record;
      type->record = record_type(field);
      break;
    case TargetField::Type::Section: type->kind = Kind::Error; break;
  }
  return type;
}

void report_unknown_target_field(DiagnosticSink& diags, const std::string& key,
                                 SourceRange range, const TargetField& section,
                                 const std::string& path) {
  Diagnostic& d = diags.error(
      "E0221", range,
      path.empty() ? fmt::format("pipelock 2.3.0 has no top-level field '{}'", key)
                   : fmt::format("pipelock 2.3.0 has no field '{}' in '{}'", key, path));
  add_suggestion(d, key, target_field_names(section));
}

}  // namespace policyc
