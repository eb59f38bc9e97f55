#include "pipelock/validate/validate_config.hpp"

#include <fmt/format.h>

#include "pipelock/schema/config_keys.hpp"
#include "pipelock/validate/config_tree.hpp"

namespace policyc {

namespace {

using Type = ConfigKey::Type;
using NodeKind = YamlNode::Kind;

std::string child_path(const std::string& parent, const std::string& key) {
  return parent.empty() ? key : parent + "." + key;
}

// What was written instead, for the message: the scalar itself when short enough to
// quote on one line.
std::string what_was_given(const YamlNode& node) {
  switch (node.kind) {
    case NodeKind::Mapping:
      return "a mapping";
    case NodeKind::Sequence:
      return "a list";
    case NodeKind::Null:
      return "nothing";
    case NodeKind::Scalar:
      break;
  }
  if (node.scalar.size() > 40 || node.scalar.find_first_of("\n\r'") != std::string::npos) {
    return node.quoted ? "a string" : "a scalar";
  }
  return fmt::format("{}'{}'", node.quoted ? "the string " : "", node.scalar);
}

class StructureChecker {
 public:
  explicit StructureChecker(DiagnosticSink& diags) : diags_(diags) {}

  void check(const YamlNode& node, const ConfigKey& key, const std::string& path) {
    if (node.kind == NodeKind::Null) return;  // a null decodes to the zero value
    switch (key.type) {
      case Type::Struct:
        if (node.kind != NodeKind::Mapping) return mismatch(node, key, path);
        for (const YamlNode::Entry& entry : node.entries) {
          if (const ConfigKey* field = key.field(entry.key)) {
            check(entry.value, *field, child_path(path, entry.key));
          } else {
            unknown(entry, key, path);
          }
        }
        return;
      case Type::List:
        if (node.kind != NodeKind::Sequence) return mismatch(node, key, path);
        for (std::size_t i = 0; i < node.items.size(); ++i) {
          check(node.items[i], *key.element, fmt::format("{}[{}]", path, i));
        }
        return;
      case Type::Map:
        if (node.kind != NodeKind::Mapping) return mismatch(node, key, path);
        for (const YamlNode::Entry& entry : node.entries) {
          check(entry.value, *key.element, child_path(path, entry.key));
        }
        return;
      default:
        scalar(node, key, path);
    }
  }

 private:
  void scalar(const YamlNode& node, const ConfigKey& key, const std::string& path) {
    if (node.kind != NodeKind::Scalar) return mismatch(node, key, path);
    bool fits = true;
    switch (key.type) {
      case Type::Int:
        fits = config_int(node).has_value();
        break;
      case Type::Float:
        fits = config_float(node).has_value();
        break;
      case Type::Bool:
        fits = config_bool(node).has_value();
        break;
      case Type::Timestamp:
        fits = config_timestamp(node);
        break;
      default:
        break;  // any scalar decodes into a Go string
    }
    if (!fits) mismatch(node, key, path);
  }

  void mismatch(const YamlNode& node, const ConfigKey& key, const std::string& path) {
    Diagnostic& d = diags_.error("E0702", node.range,
                                 fmt::format("'{}' must be {}, got {}", path,
                                             config_type_phrase(key.type), what_was_given(node)));
    if (node.kind != NodeKind::Scalar || !node.quoted) return;
    // A quoted number or bool is a string to yaml.v3; say what would be accepted.
    YamlNode plain = node;
    plain.quoted = false;
    bool fits_plain = (key.type == Type::Int && config_int(plain)) ||
                      (key.type == Type::Float && config_float(plain)) ||
                      (key.type == Type::Bool && config_bool(plain));
    if (!fits_plain) return;
    d.message += fmt::format("; did you mean {} without quotes?", node.scalar);
    d.suggestion = node.scalar;
  }

  void unknown(const YamlNode::Entry& entry, const ConfigKey& parent, const std::string& path) {
    Diagnostic& d = diags_.error(
        "E0701", entry.key_range,
        path.empty() ? fmt::format("pipelock 2.3.0 has no top-level key '{}'", entry.key)
                     : fmt::format("pipelock 2.3.0 has no key '{}' in '{}'", entry.key, path));
    add_suggestion(d, entry.key, parent.field_names());
  }

  DiagnosticSink& diags_;
};

}  // namespace

void check_config_structure(const YamlNode& root, DiagnosticSink& diags) {
  if (root.kind != NodeKind::Mapping && root.kind != NodeKind::Null) {
    diags.error(
        "E0702", root.range,
        fmt::format("a pipelock config must be a mapping of keys, got {}", what_was_given(root)));
    return;
  }
  StructureChecker(diags).check(root, pipelock_config_root(), "");
}

bool validate_pipelock_config(const SourceManager& sources, FileId file, DiagnosticSink& diags) {
  const std::size_t before = diags.error_count();
  std::unique_ptr<YamlNode> tree = load_config_tree(sources, file, diags);
  if (!tree) return false;
  check_config_structure(*tree, diags);
  if (tree->kind == NodeKind::Mapping) check_config_rules(*tree, diags);
  return diags.error_count() == before;
}

}  // namespace policyc
