// The evaluated output document: an ordered tree of target keys, each with the policy
// construct that set it, ready for an emitter.
#pragma once
#include <string>
#include <vector>

#include "compiler/source.hpp"
#include "runtime/value.hpp"

namespace policyc {

struct TargetField;  // runtime/pipelock_schema.hpp

struct OutputNode {
  std::string key;
  SourceRange origin;                    // the policy's `key = expr` or `key { ... }`
  const TargetField* field = nullptr;    // the target schema entry for this key
  bool is_section = false;               // true: `children`; false: `value`
  std::vector<OutputNode> children;
  Value value;                           // scalar or list of scalars
};

using OutputDocument = std::vector<OutputNode>;

}  // namespace policyc
