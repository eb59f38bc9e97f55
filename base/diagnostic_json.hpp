// Diagnostics as JSON for editors and CI: one object per line (JSON Lines).
#pragma once
#include <string>

#include "base/diagnostic.hpp"

namespace policyc {

/// `{"code":..,"severity":..,"message":..,"file":..,"range":..,"notes":[..],
/// "suggestion":..}` and a newline. Lines and columns are 1-based, columns count bytes,
/// and `end` is exclusive; `file` and `range` are null for a diagnostic without a
/// location, `suggestion` is null when there is none.
std::string render_json(const Diagnostic& diagnostic, const SourceManager& sources);

/// `text` as a JSON string literal, quotes included; invalid UTF-8 becomes U+FFFD.
std::string json_string(const std::string& text);

}  // namespace policyc
