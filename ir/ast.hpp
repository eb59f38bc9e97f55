// The typed AST of one policy file. Every node keeps its source range; the checker
// fills the resolution and type slots, which the evaluator then reads.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "base/source.hpp"
#include "ir/types.hpp"

namespace policyc::ast {

struct TypeExpr {
  enum class Kind { Named, List, Map, Enum };
  Kind kind = Kind::Named;
  std::string name;                    // Named
  std::unique_ptr<TypeExpr> element;   // List, Map
  std::vector<std::string> enum_values;
  std::vector<SourceRange> enum_ranges;
  bool optional = false;               // written `T?`
  SourceRange range;
};

/// What a name in an expression refers to, set by check_names.
enum class Binding { Unresolved, Constant, Let, Set, Manifest, Params, Local };

/// The function a Call names, resolved once by the checker; Unresolved only on a call
/// the checker refused, which never reaches the evaluator.
enum class Builtin { Unresolved, Sorted, Len, Present, Flatten, Keys, Values };

struct Expr {
  enum class Kind {
    String, Integer, Bool, Record, List, Comprehension, Quantifier, Call, Name, Member,
    Add, Equal, NotEqual, In, Not, And, Or, Conditional
  };
  Kind kind = Kind::String;
  SourceRange range;
  std::string text;         // String value, Name, Member field, Call function, bound variable
  SourceRange text_range;   // where `text` is written, for names, fields and variables
  std::string key_name;     // Comprehension, Quantifier over a map: `for key, value in m`
  SourceRange key_range;
  std::int64_t integer = 0;
  bool integer_overflow = false;  // Integer: the digits do not fit `integer`
  bool boolean = false;     // Bool value; Quantifier: true for `all`
  // List: elements. Record: field values. Comprehension: element, source[, filter].
  // Quantifier: source, predicate. Call: arguments. Member: object. Binary: lhs, rhs.
  // Not: operand. Conditional: condition, then[, else].
  std::vector<std::unique_ptr<Expr>> operands;
  // Record: the field names, one per operand, in the order written (`{}` has none).
  std::vector<std::string> field_names;
  std::vector<SourceRange> field_ranges;

  Binding binding = Binding::Unresolved;
  std::size_t slot = 0;     // Constant/Set: declaration index; Local: variable depth
  Builtin builtin = Builtin::Unresolved;  // Call: set by check_types
  TypeRef type;             // set by check_types
};

/// One `class: action` of a field's `hosts(...)` clause.
struct HostRule {
  std::string host_class;
  SourceRange class_range;
  std::string action;
  SourceRange action_range;
};

struct Field {
  std::string name;
  SourceRange name_range;
  TypeExpr type;
  std::unique_ptr<Expr> default_value;
  std::string unique_key;   // `unique(key)`: list elements differ in this field
  SourceRange unique_range;
  std::vector<HostRule> host_rules;  // `hosts(class: action, ...)`
  SourceRange hosts_range;
};

struct RemovedKey {
  std::string name;
  SourceRange range;
  std::string message;
};

// `renamed OLD -> NEW`: a manifest may still say OLD, read as the field NEW.
struct RenamedKey {
  std::string name;  // the old key
  SourceRange range;
  std::string target;  // the field it is now
  SourceRange target_range;
};

struct Together {
  std::vector<std::string> names;
  std::vector<SourceRange> ranges;
  SourceRange range;
};

struct RecordBody {
  std::vector<Field> fields;
  std::vector<RemovedKey> removed;
  std::vector<Together> together;
  std::vector<RenamedKey> renamed;
};

struct Import {
  std::string path;
  SourceRange range;
};

/// `const NAME = value`, or `let NAME = value`: a named value that may read the bottle,
/// computed once per bottle when first used.
struct Const {
  std::string name;
  SourceRange name_range;
  bool reads_bottle = false;       // written `let`
  std::unique_ptr<TypeExpr> type;  // may be null: inferred from the value
  std::unique_ptr<Expr> value;
};

struct Record {
  std::string name;
  SourceRange name_range;
  RecordBody body;
};

struct Set {
  std::string name;
  SourceRange name_range;
  TypeExpr element;
};

struct AddStatement {
  std::string target;
  SourceRange target_range;
  std::unique_ptr<Expr> value;
  std::size_t set_index = 0;  // set by check_names
};

struct Rule {
  std::string name;
  SourceRange name_range;
  std::unique_ptr<Expr> condition;  // may be null
  std::vector<AddStatement> adds;
};

struct OutputItem {
  std::string key;
  SourceRange key_range;
  std::unique_ptr<Expr> condition;  // may be null
  std::unique_ptr<Expr> value;      // null for a block
  std::vector<OutputItem> children;
  bool is_block = false;
};

struct Output {
  std::string name;
  SourceRange name_range;
  std::vector<OutputItem> items;
};

/// One parsed `.policy` file; declarations keep their order within each kind.
struct PolicyFile {
  FileId file = kNoFile;
  std::vector<Import> imports;
  std::vector<Const> consts;
  std::vector<Record> records;
  std::vector<Record> manifests;  // `manifest NAME { ... }`
  std::vector<Record> params;     // `params { ... }` (name "params")
  std::vector<Set> sets;
  std::vector<Rule> rules;
  std::vector<Output> outputs;
};

}  // namespace policyc::ast
