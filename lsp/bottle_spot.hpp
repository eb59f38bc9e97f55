// What the cursor is on in an open bottle, read against the manifest schema: a key and
// the field it names, or a scalar value and the type the schema gives it. Hover and
// go to definition both start here.
#pragma once
#include <cstdint>

#include "ir/types.hpp"
#include "runtime/input/yaml_tree.hpp"

namespace policyc::lsp {

struct BottleSpot {
  const FieldType* field = nullptr;  // on a key: the field it names (by an old name too)
  const RenamedKeyRule* renamed = nullptr;  // the rule, when the key is an old name
  const YamlNode* value = nullptr;   // on a scalar value: the value
  const Type* type = nullptr;        // and the type the schema gives it
};

/// The spot at byte `offset` of the bottle `tree`, whose top level is `manifest`.
BottleSpot spot_at(const YamlNode& tree, const RecordType& manifest, std::uint32_t offset);

}  // namespace policyc::lsp
