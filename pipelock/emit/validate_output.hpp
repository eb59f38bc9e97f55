// Checks an evaluated output document against what pipelock 2.3.0 accepts, before it
// is rendered.
#pragma once

#include "base/diagnostic.hpp"
#include "base/source.hpp"
#include "ir/output.hpp"

namespace policyc {

/// Reports every value pipelock 2.3.0 would refuse (unknown enum value, strict mode
/// with an empty api_allowlist, bad CIDR, tls_interception enabled without both CA
/// paths, ...) at the policy construct that produced it, or, for a scalar given as a
/// `--param` (known by `sources`), as E0404 where it is given. Returns true when clean.
bool validate_pipelock_output(const OutputDocument& document, DiagnosticSink& diags,
                              const SourceManager* sources = nullptr);

}  // namespace policyc
