// A rendered config read back with yaml-cpp for verification: only what the verifier
// compares (kinds, tags, scalars, order), built from parser events. yaml-cpp's own node
// graph (YAML::Load) costs several times the parse on a large config.
#pragma once
#include <string>
#include <vector>

namespace policyc {

struct ReadBackNode {
  enum class Kind { Null, Scalar, Sequence, Mapping };
  Kind kind = Kind::Null;
  std::string tag;     // Scalar: "?" when plain, "!" when quoted (as yaml-cpp reports)
  std::string scalar;  // Scalar: the value after unescaping
  std::vector<ReadBackNode> children;  // Sequence: items; Mapping: key, value, key, value...

  bool is_scalar() const { return kind == Kind::Scalar; }
  bool is_sequence() const { return kind == Kind::Sequence; }
  bool is_mapping() const { return kind == Kind::Mapping; }
};

/// Every document of `yaml`, as yaml-cpp parses it; aliases are expanded. Throws
/// YAML::Exception on malformed YAML, as YAML::LoadAll does.
std::vector<ReadBackNode> read_back_documents(const std::string& yaml);

}  // namespace policyc
