#include "pipelock/emit/output_tree.hpp"

#include "pipelock/emit/emit_scalars.hpp"
#include "pipelock/schema/output_schema.hpp"

namespace policyc {

namespace {

using Kind = Value::Kind;

YamlNode tree_of(const Value& value, bool bare, const SourceRange& origin) {
  YamlNode node;
  node.range = origin;
  switch (value.kind) {
    case Kind::Null:
      break;
    case Kind::Bool:
    case Kind::Int:
      node.kind = YamlNode::Kind::Scalar;
      node.scalar = scalar_text(value, false);
      break;
    case Kind::String:
      node.kind = YamlNode::Kind::Scalar;
      node.scalar = value.string.str();
      node.quoted = !bare;
      break;
    case Kind::List:
      node.kind = YamlNode::Kind::Sequence;
      node.items.reserve(value.items.size());
      for (const Value& item : value.items) node.items.push_back(tree_of(item, false, origin));
      break;
    case Kind::Record:
      node.kind = YamlNode::Kind::Mapping;
      for (const auto& [key, field] : value.fields) {
        if (!field.is_null()) node.entries.push_back({key, origin, tree_of(field, false, origin)});
      }
      break;
  }
  return node;
}

YamlNode tree_of(const std::vector<OutputNode>& nodes, bool in_section) {
  YamlNode mapping;
  mapping.kind = YamlNode::Kind::Mapping;
  for (const OutputNode& n : nodes) {
    if (in_section && omitted_in_section(n)) continue;
    YamlNode value = n.is_section ? tree_of(n.children, true)
                                  : tree_of(n.value(), n.field && n.field->bare, n.origin);
    value.range = n.origin;
    mapping.entries.push_back({n.key, n.origin, std::move(value)});
  }
  return mapping;
}

}  // namespace

YamlNode output_tree(const OutputDocument& document) { return tree_of(document, false); }

}  // namespace policyc
