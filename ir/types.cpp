#include "ir/types.hpp"

#include <fmt/format.h>

namespace policyc {

const FieldType* RecordType::find(const std::string& field) const {
  for (const FieldType& f : fields) {
    if (f.name == field) return &f;
  }
  return nullptr;
}

const RenamedKeyRule* RecordType::find_renamed(const std::string& key) const {
  for (const RenamedKeyRule& rule : renamed) {
    if (rule.name == key) return &rule;
  }
  return nullptr;
}

std::vector<std::string> RecordType::field_names() const {
  std::vector<std::string> names;
  for (const FieldType& f : fields) names.push_back(f.name);
  return names;
}

TypeRef make_type(Type::Kind kind, bool optional) {
  auto type = std::make_shared<Type>();
  type->kind = kind;
  type->optional = optional;
  return type;
}

TypeRef make_list(TypeRef element) {
  auto type = std::make_shared<Type>();
  type->kind = Type::Kind::List;
  type->element = std::move(element);
  return type;
}

TypeRef with_optional(const TypeRef& type, bool optional) {
  if (type->optional == optional) return type;
  auto copy = std::make_shared<Type>(*type);
  copy->optional = optional;
  return copy;
}

std::string type_name(const Type& type) {
  std::string base;
  switch (type.kind) {
    case Type::Kind::Error: base = "<error>"; break;
    case Type::Kind::Null: base = "null"; break;
    case Type::Kind::Bool: base = "bool"; break;
    case Type::Kind::Int: base = "int"; break;
    case Type::Kind::String: base = "string"; break;
    case Type::Kind::Hostname: base = "hostname"; break;
    case Type::Kind::Path: base = "path"; break;
    case Type::Kind::Cidr: base = "cidr"; break;
    case Type::Kind::Enum: {
      std::vector<std::string> quoted;
      for (const std::string& v : type.enum_values) quoted.push_back("\"" + v + "\"");
      base = fmt::format("enum({})", fmt::join(quoted, ", "));
      break;
    }
    case Type::Kind::List: base = "list<" + type_name(*type.element) + ">"; break;
    case Type::Kind::Map: base = "map<" + type_name(*type.element) + ">"; break;
    case Type::Kind::Record: base = type.record ? type.record->name : "record"; break;
  }
  return type.optional ? base + "?" : base;
}

bool is_string_like(const Type& type) {
  switch (type.kind) {
    case Type::Kind::String:
    case Type::Kind::Hostname:
    case Type::Kind::Path:
    case Type::Kind::Cidr:
    case Type::Kind::Enum: return true;
    default: return false;
  }
}

bool is_assignable(const Type& from, const Type& to) {
  if (from.kind == Type::Kind::Error || to.kind == Type::Kind::Error) return true;
  if (from.optional && !to.optional) return false;
  if (from.kind == Type::Kind::Null) return to.optional;
  switch (to.kind) {
    case Type::Kind::String: return is_string_like(from);
    case Type::Kind::Enum:
      if (from.kind != Type::Kind::Enum) return false;
      for (const std::string& v : from.enum_values) {
        bool found = false;
        for (const std::string& w : to.enum_values) found = found || v == w;
        if (!found) return false;
      }
      return true;
    case Type::Kind::List:
    case Type::Kind::Map:
      return from.kind == to.kind && is_assignable(*from.element, *to.element);
    case Type::Kind::Record: return from.kind == Type::Kind::Record && from.record == to.record;
    default: return from.kind == to.kind;
  }
}

}  // namespace policyc
