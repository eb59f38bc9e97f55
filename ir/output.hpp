// The evaluated output document: an ordered tree of target keys, each with the policy
// construct that set it, ready for an emitter.
#pragma once
#include <string>
#include <vector>

#include "base/source.hpp"
#include "ir/value.hpp"

namespace policyc {

struct TargetField;  // pipelock/schema/output_schema.hpp

struct OutputNode {
  std::string key;
  SourceRange origin;                    // the policy's `key = expr` or `key { ... }`
  const TargetField* field = nullptr;    // the target schema entry for this key
  bool is_section = false;               // true: `children`; false: `value()`
  std::vector<OutputNode> children;

  /// Scalar or list of scalars.
  const Value& value() const { return shared_ ? *shared_ : owned_; }
  void set_value(Value value) {
    owned_ = std::move(value);
    shared_ = nullptr;
  }
  /// Refers to `value` instead of copying it: a set the output names whole is as large
  /// as the bottle, and the evaluation that owns it outlives the document.
  void share_value(const Value& value) {
    owned_ = Value::null();
    shared_ = &value;
  }
  /// The value to edit in place; a shared one is copied first.
  Value& own_value() {
    if (shared_) set_value(*shared_);
    return owned_;
  }

 private:
  Value owned_;
  const Value* shared_ = nullptr;
};

using OutputDocument = std::vector<OutputNode>;

}  // namespace policyc
