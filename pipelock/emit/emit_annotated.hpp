// `policyc compile --annotate`: the pipelock config with a trailing comment on each
// line naming where its value came from (rule, manifest key path, parameter or
// constant) and, on a section written under `when`, the condition and what made it
// hold. No line numbers, so an unrelated edit does not churn a reviewed diff.
#pragma once
#include <string>

#include "runtime/provenance/provenance_view.hpp"

namespace policyc {

/// The exact bytes of render_pipelock_yaml plus "  # source" comments.
std::string render_annotated_yaml(const ProvenanceInput& input);

}  // namespace policyc
