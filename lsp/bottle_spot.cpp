#include "lsp/bottle_spot.hpp"


namespace policyc::lsp {

namespace {

bool contains(const SourceRange& range, std::uint32_t offset) {
  return range.valid() && range.begin <= offset && offset <= range.end;
}

void find_in(const YamlNode& node, const Type& type, std::uint32_t offset, BottleSpot& spot);

void find_in_record(const YamlNode& node, const RecordType& record, std::uint32_t offset,
                    BottleSpot& spot) {
  for (const YamlNode::Entry& entry : node.entries) {
    const FieldType* field = field_named(record, entry.key);
    if (contains(entry.key_range, offset)) {
      spot.field = field;
      if (!record.find(entry.key)) spot.renamed = record.find_renamed(entry.key);
      return;
    }
    if (field && contains(entry.value.range, offset)) {
      return find_in(entry.value, *field->type, offset, spot);
    }
  }
}

void find_in(const YamlNode& node, const Type& type, std::uint32_t offset, BottleSpot& spot) {
  if (node.kind == YamlNode::Kind::Mapping && type.kind == Type::Kind::Record) {
    return find_in_record(node, *type.record, offset, spot);
  }
  if (node.kind == YamlNode::Kind::Mapping && type.kind == Type::Kind::Map) {
    for (const YamlNode::Entry& entry : node.entries) {
      if (contains(entry.value.range, offset)) return find_in(entry.value, *type.element, offset, spot);
    }
  }
  if (node.kind == YamlNode::Kind::Sequence && type.kind == Type::Kind::List) {
    for (const YamlNode& item : node.items) {
      if (contains(item.range, offset)) return find_in(item, *type.element, offset, spot);
    }
  }
  if (node.kind == YamlNode::Kind::Scalar && contains(node.range, offset)) {
    spot.value = &node;
    spot.type = &type;
  }
}

}  // namespace

BottleSpot spot_at(const YamlNode& tree, const RecordType& manifest, std::uint32_t offset) {
  BottleSpot spot;
  find_in_record(tree, manifest, offset, spot);
  return spot;
}

std::optional<BottleAt> bottle_at(const TextPosition& at, const Documents& documents) {
  BottleAt found{compile_open_bottle(*at.document, documents), nullptr, {}};
  if (!found.open->program) return std::nullopt;
  DiagnosticSink scratch;  // the YAML's problems are the diagnostics' business
  found.tree = load_yaml_tree(found.open->sources, found.open->bottle, scratch);
  if (!found.tree) return std::nullopt;
  found.spot = spot_at(*found.tree, *found.open->program->manifest, at.offset);
  return found;
}

}  // namespace policyc::lsp
