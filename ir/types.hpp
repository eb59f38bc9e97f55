// Types of the policy language, shared by the checker, the manifest reader and the
// evaluator.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "base/source.hpp"
#include "ir/value.hpp"

namespace policyc {

namespace ast {
struct Expr;
}
struct TargetField;  // pipelock/schema/output_schema.hpp

struct RecordType;
struct Type;
using TypeRef = std::shared_ptr<const Type>;

struct Type {
  enum class Kind { Error, Null, Bool, Int, String, Hostname, Path, Cidr, Enum, List, Map, Record };
  Kind kind = Kind::Error;
  TypeRef element;                       // List, Map
  std::vector<std::string> enum_values;  // Enum
  const RecordType* record = nullptr;    // Record
  bool optional = false;                 // may be absent (null)
};

struct FieldType {
  std::string name;
  SourceRange range;
  TypeRef type;
  bool has_default = false;
  Value default_value;        // filled when the policy is lowered
  ast::Expr* default_expr = nullptr;  // the written default, for checking and lowering
  std::string unique_key;     // list of records whose `unique_key` values differ
  SourceRange unique_range;
  bool required() const { return !has_default && !type->optional; }
};

struct RemovedKeyRule {
  std::string name;
  SourceRange range;
  std::string message;
};

struct TogetherRule {
  std::vector<std::string> names;
  SourceRange range;
};

struct RecordType {
  std::string name;
  SourceRange range;
  std::vector<FieldType> fields;
  std::vector<RemovedKeyRule> removed;
  std::vector<TogetherRule> together;
  /// A record of the output target's schema (a DLP pattern), not one the policy declares.
  const TargetField* target = nullptr;

  const FieldType* find(const std::string& field) const;
  std::vector<std::string> field_names() const;
};

TypeRef make_type(Type::Kind kind, bool optional = false);
TypeRef make_list(TypeRef element);
TypeRef with_optional(const TypeRef& type, bool optional);

/// `list<hostname>`, `enum("block", "warn")`, `Route?` as a user would write it.
std::string type_name(const Type& type);

/// Strings and their refinements (hostname, path, cidr, enum) compare as strings.
bool is_string_like(const Type& type);

/// Whether a value of `from` may be used where `to` is expected, without a check
/// (literals are checked separately, against their value).
bool is_assignable(const Type& from, const Type& to);

}  // namespace policyc
