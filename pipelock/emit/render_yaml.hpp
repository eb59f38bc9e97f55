// Renders an evaluated, validated output document as pipelock YAML.
#pragma once
#include <functional>
#include <string>

#include "ir/output.hpp"

namespace policyc {

/// The exact bytes of the config. Top-level scalars are written `key: value` with no
/// blank line between them; every top-level section or list is preceded by one blank
/// line; nested keys indent by two spaces; list items are `- "item"`; strings are
/// double-quoted (escaping `\` and `"`) unless the field is bare; empty lists inside a
/// section are omitted; the text ends with exactly one newline.
std::string render_pipelock_yaml(const OutputDocument& document);

/// A comment for one rendered line: `node`'s key line (`item` null) or one of its list
/// items. "" for none.
using LineComment = std::function<std::string(const OutputNode& node, const Value* item)>;

/// The bytes of render_pipelock_yaml, with "  # comment" after each line whose comment
/// is not empty (control characters in it become '?', so it stays one comment).
std::string render_pipelock_yaml(const OutputDocument& document, const LineComment& comment);

}  // namespace policyc
