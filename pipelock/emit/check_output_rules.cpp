#include "pipelock/emit/check_output_rules.hpp"

#include "pipelock/emit/output_tree.hpp"
#include "pipelock/validate/validate_config.hpp"

namespace policyc {

bool check_output_rules(const OutputDocument& document, DiagnosticSink& diags) {
  DiagnosticSink found;
  check_config_rules(output_tree(document), found);
  bool loads = true;
  for (const Diagnostic& rule : found.all()) {
    if (rule.severity != Severity::Error) continue;  // `validate` warns a reader; compile does not
    Diagnostic& d = diags.error("E0501", rule.range,
                                "pipelock 2.3.0 would refuse the config: " + rule.message);
    d.notes = rule.notes;
    loads = false;
  }
  return loads;
}

}  // namespace policyc
