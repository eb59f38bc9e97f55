// Types of the policy language, shared by the checker, the manifest reader and the
// evaluator.
#pragma once
#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "base/host_class.hpp"
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

/// What a field's `hosts(...)` clause does with a host of one class (base/host_class).
enum class HostAction : std::uint8_t { Allow, Warn, Refuse };

struct HostRules {
  std::array<HostAction, kHostClassCount> actions{};  // every class allowed without a clause
  std::array<SourceRange, kHostClassCount> written;   // the `class: action` (or `others:`) that set it
  bool guards() const {
    for (HostAction action : actions) {
      if (action != HostAction::Allow) return true;
    }
    return false;
  }
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
  HostRules hosts;            // `hosts(...)`: the kinds of host a manifest may write here
  bool required() const { return !has_default && !type->optional; }
};

struct RemovedKeyRule {
  std::string name;
  SourceRange range;
  std::string message;
};

// `renamed name -> target`: a manifest's key `name` is read as the field `target`.
struct RenamedKeyRule {
  std::string name;
  SourceRange range;
  std::string target;
  SourceRange target_range;
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
  std::vector<RenamedKeyRule> renamed;  // each to a field of this record
  /// A record of the output target's schema (a DLP pattern), not one the policy declares.
  const TargetField* target = nullptr;

  const FieldType* find(const std::string& field) const;
  const RenamedKeyRule* find_renamed(const std::string& key) const;
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
