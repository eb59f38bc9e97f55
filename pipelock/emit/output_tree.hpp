// The evaluated config as the YAML tree a reader of the rendered text builds.
#pragma once
#include "ir/output.hpp"
#include "runtime/input/yaml_tree.hpp"

namespace policyc {

/// `document` as the renderer writes it and a YAML reader reads it back: strings quoted
/// unless the field is bare, null fields of records and omitted section keys left out.
/// Every range is the policy's key that wrote the value. No text is parsed: callers rely
/// on the read-back check (verify_rendered_yaml) for the rendered text holding exactly
/// this tree.
YamlNode output_tree(const OutputDocument& document);

}  // namespace policyc
