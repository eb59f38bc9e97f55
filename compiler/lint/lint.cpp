// Runs the lints in order; the comments that silence them are read in suppressions.cpp.
#include "compiler/lint/lint.hpp"

namespace policyc {

void lint_program(const ir::Program& program, const SourceManager& sources, DiagnosticSink& diags) {
  lint_unused(program, sources, diags);
  lint_host_lists(program, sources, diags);
  lint_hostname_literals(program, diags);
  lint_host_classes(program, diags);
  lint_dead_rules(program, sources, diags);
  lint_constant_choices(program, diags);
}

}  // namespace policyc
