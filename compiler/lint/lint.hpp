// `policyc check` lints: warnings (W06xx) about a policy that compiles but is probably
// not what its author meant. They run on the checked program, without a manifest, and
// on every constant value they can compute. docs/errors.md explains each code.
#pragma once
#include <vector>

#include "base/diagnostic.hpp"
#include "ir/program.hpp"

namespace policyc {

/// Every lint below, in this order.
void lint_program(const ir::Program& program, const SourceManager& sources, DiagnosticSink& diags);

/// Unused constants, sets, parameters, imports, record fields and record types
/// (W0601-W0606).
void lint_unused(const ir::Program& program, const SourceManager& sources, DiagnosticSink& diags);

/// Host lists of the output: entries another entry already matches (W0607), TLS
/// passthrough domains no allowlist entry allows (W0609).
void lint_host_lists(const ir::Program& program, const SourceManager& sources,
                     DiagnosticSink& diags);

/// Hostname literals: over-broad wildcards (W0608), punycode that imitates another name
/// (W0610).
void lint_hostname_literals(const ir::Program& program, DiagnosticSink& diags);

/// Rules and output sections whose condition is always false (W0611), rules that add
/// only to sets nothing reads (W0612).
void lint_dead_rules(const ir::Program& program, const SourceManager& sources,
                     DiagnosticSink& diags);

/// Hostname literals that are addresses, internal or special-use names (W0616).
void lint_host_classes(const ir::Program& program, DiagnosticSink& diags);

/// `if` conditions that hold or fail for every bottle (W0615).
void lint_constant_choices(const ir::Program& program, DiagnosticSink& diags);

}  // namespace policyc
