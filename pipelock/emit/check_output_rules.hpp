// pipelock's Validate rules that link keys, run on the evaluated config.
#pragma once
#include "base/diagnostic.hpp"
#include "ir/output.hpp"

namespace policyc {

/// Runs the value rules of `policyc validate` over `document` as it is written (the
/// read-back check has shown the rendered text holds exactly this), rules that link two
/// keys included (`logging.output: file` needs `logging.file`). Each rule it breaks is an
/// E0501 at the policy's key that wrote the value. True when pipelock would load it.
bool check_output_rules(const OutputDocument& document, DiagnosticSink& diags);

}  // namespace policyc
