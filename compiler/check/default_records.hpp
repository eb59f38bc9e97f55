// Records built from their own defaults (`x: R = {}`): cycles and over-deep chains.
#pragma once

#include "compiler/check/check.hpp"

namespace policyc {

/// Field defaults written `{}` build a record from its own defaults: reports a record
/// whose defaults contain the record itself [E0807], and chains deeper than
/// kMaxDefaultNesting [E0808]. Runs after the expressions are typed.
void check_default_records(CheckContext& context);

}  // namespace policyc
