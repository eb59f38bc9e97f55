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

}  // namespace policyc
