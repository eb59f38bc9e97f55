// Renders an evaluated output document as JSON: the same config the YAML emitter
// writes, for tools that would rather not parse YAML (jq, CI checks, dashboards).
#pragma once
#include <string>

#include "base/json_writer.hpp"
#include "ir/output.hpp"

namespace policyc {

/// The document as one JSON object, keys in document order, two-space indentation,
/// ending with one newline. Mirrors `render_pipelock_yaml`: the same keys and values,
/// and empty lists inside a section left out as the YAML leaves them out. Run it only
/// on a document `validate_pipelock_output` accepted.
std::string render_json(const OutputDocument& document);

/// One value of the config as JSON: scalars, lists, records and maps (null fields left
/// out, as the YAML leaves them out); null for anything else.
Json config_value_json(const Value& value);

}  // namespace policyc
