// Evaluated values. Each carries where it came from, so `explain` and annotated output
// need no second evaluation. A string is shared, not copied, by every copy of its value:
// a megabyte constant used a thousand times is a megabyte once.
#pragma once
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "base/source.hpp"
#include "base/shared_text.hpp"

namespace policyc {

/// One reason a value exists: the policy construct that produced it and, when it came
/// from the manifest or the command line, the input node it was read from.
struct Provenance {
  SharedText rule;          // rule or declaration name ("supervise_sidecar", "DEFAULT_ALLOWLIST")
  SourceRange rule_range;   // the policy construct (statement, constant, default)
  SharedText input_path;    // manifest key path ("egress_proxy.routes[0].host") or param name
  SourceRange input_range;  // the manifest or command-line node; invalid when none
};

struct Value {
  enum class Kind { Null, Bool, Int, String, List, Record };
  Kind kind = Kind::Null;
  bool boolean = false;
  std::int64_t integer = 0;
  SharedText string;
  std::vector<Value> items;                            // List
  std::vector<std::pair<std::string, Value>> fields;   // Record, in schema order
  std::vector<Provenance> origins;

  static Value null() { return {}; }
  static Value of_bool(bool b) { Value v; v.kind = Kind::Bool; v.boolean = b; return v; }
  static Value of_int(std::int64_t i) { Value v; v.kind = Kind::Int; v.integer = i; return v; }
  static Value of_string(SharedText s) { Value v; v.kind = Kind::String; v.string = std::move(s); return v; }
  static Value of_list(std::vector<Value> items) { Value v; v.kind = Kind::List; v.items = std::move(items); return v; }
  static Value of_record() { Value v; v.kind = Kind::Record; return v; }

  bool is_null() const { return kind == Kind::Null; }
  /// Field of a record, or nullptr.
  const Value* field(const std::string& name) const;
  /// Structural equality, ignoring provenance.
  bool equals(const Value& other) const;
};

}  // namespace policyc
