// `# policyc: allow CODE` comments, which silence lint warnings on one line.
#pragma once
#include <vector>

#include "base/diagnostic.hpp"
#include "base/source.hpp"

namespace policyc {

/// Drops the warnings a `# policyc: allow CODE` comment silences (on the warning's line,
/// or alone on the line above it) in `files`, and warns about directives that are
/// malformed (W0613) or silence nothing (W0614).
void apply_suppressions(const SourceManager& sources, const std::vector<FileId>& files,
                        DiagnosticSink& diags);

}  // namespace policyc
