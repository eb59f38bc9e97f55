// Launch parameters from `--param NAME=VALUE`, read against the policy's params block.
#pragma once
#include <string>
#include <vector>

#include "base/diagnostic.hpp"
#include "ir/types.hpp"
#include "ir/value.hpp"

namespace policyc {

/// The name of the source add_command_line_source adds.
inline constexpr const char* kCommandLineSource = "<command line>";

/// Adds a "<command line>" source holding every `--param NAME=VALUE` as given, so
/// parameter errors point at the exact characters like any other input; returns the
/// range of each NAME=VALUE.
std::vector<SourceRange> add_command_line_source(SourceManager& sources,
                                                 const std::vector<std::string>& params);

/// The params record: each NAME must be declared; list parameters take one value per
/// flag, others at most one; values are checked against their type; defaults fill in.
Value read_params(const std::vector<SourceRange>& params, const RecordType& schema,
                  const SourceManager& sources, DiagnosticSink& diags);

}  // namespace policyc
