// Renders an evaluated output document as pipelock YAML, and checks it first against
// what pipelock 2.3.0 accepts.
#pragma once
#include <functional>
#include <string>

#include "base/diagnostic.hpp"
#include "ir/output.hpp"
#include "pipelock/schema/output_schema.hpp"

namespace policyc {

/// Reports every value pipelock 2.3.0 would refuse (unknown enum value, strict mode
/// with an empty api_allowlist, bad CIDR, tls_interception enabled without both CA
/// paths, ...) at the policy construct that produced it, or, for a scalar given as a
/// `--param` (known by `sources`), as E0404 where it is given. Returns true when clean.
bool validate_pipelock_output(const OutputDocument& document, DiagnosticSink& diags,
                              const SourceManager* sources = nullptr);

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

/// Defence in depth: parses `yaml` back with yaml-cpp and checks it has exactly the
/// structure and values of `document`. Returns an empty string, or what differs.
std::string verify_rendered_yaml(const OutputDocument& document, const std::string& yaml);

}  // namespace policyc
