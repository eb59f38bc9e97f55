// What the cursor is on in an open bottle, read against the manifest schema: a key and
// the field it names, or a scalar value and the type the schema gives it. Hover and
// go to definition both start here.
#pragma once
#include <cstdint>
#include <memory>
#include <optional>

#include "ir/types.hpp"
#include "lsp/bottle_documents.hpp"
#include "lsp/navigation.hpp"
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

/// The bottle `at` is in, compiled, its YAML tree and the spot at `at` (which points into
/// both); nothing when the policy has errors or the YAML does not load.
struct BottleAt {
  std::unique_ptr<OpenBottle> open;
  std::unique_ptr<YamlNode> tree;
  BottleSpot spot;
};
std::optional<BottleAt> bottle_at(const TextPosition& at, const Documents& documents);

}  // namespace policyc::lsp
