#include "compiler/check/type_resolution.hpp"

#include <fmt/format.h>

namespace policyc {

namespace {

struct BuiltinType {
  const char* name;
  Type::Kind kind;
};

constexpr BuiltinType kBuiltinTypes[] = {
    {"bool", Type::Kind::Bool},         {"int", Type::Kind::Int},   {"string", Type::Kind::String},
    {"hostname", Type::Kind::Hostname}, {"path", Type::Kind::Path}, {"cidr", Type::Kind::Cidr},
};

TypeRef resolve_named(CheckContext& context, const ast::TypeExpr& written) {
  for (const BuiltinType& builtin : kBuiltinTypes) {
    if (written.name == builtin.name) return make_type(builtin.kind);
  }
  auto it = context.records.find(written.name);
  if (it != context.records.end()) {
    auto type = std::make_shared<Type>();
    type->kind = Type::Kind::Record;
    type->record = it->second;
    return type;
  }
  std::vector<std::string> candidates(std::begin(kBuiltinTypeNames), std::end(kBuiltinTypeNames));
  for (const auto& [name, record] : context.records) candidates.push_back(name);
  Diagnostic& d = context.diags.error("E0203", written.range,
                                      fmt::format("unknown type '{}'", written.name));
  add_suggestion(d, written.name, candidates);
  return make_type(Type::Kind::Error);
}

}  // namespace

TypeRef resolve_type(CheckContext& context, const ast::TypeExpr& written) {
  TypeRef result;
  switch (written.kind) {
    case ast::TypeExpr::Kind::Named: result = resolve_named(context, written); break;
    case ast::TypeExpr::Kind::List:
    case ast::TypeExpr::Kind::Map: {
      auto type = std::make_shared<Type>();
      type->kind = written.kind == ast::TypeExpr::Kind::List ? Type::Kind::List : Type::Kind::Map;
      type->element = resolve_type(context, *written.element);
      result = type;
      break;
    }
    case ast::TypeExpr::Kind::Enum: {
      auto type = std::make_shared<Type>();
      type->kind = Type::Kind::Enum;
      for (std::size_t i = 0; i < written.enum_values.size(); ++i) {
        const std::string& value = written.enum_values[i];
        bool repeated = false;
        for (const std::string& seen : type->enum_values) repeated = repeated || seen == value;
        if (repeated) {
          context.diags.error("E0201", written.enum_ranges[i],
                              fmt::format("enum value \"{}\" is listed twice", value));
          continue;
        }
        type->enum_values.push_back(value);
      }
      result = type;
      break;
    }
  }
  return with_optional(result, written.optional);
}

}  // namespace policyc
