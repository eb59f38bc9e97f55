#include "ir/eval_budget.hpp"

#include <fmt/format.h>

namespace policyc {

void EvalBudget::run_out(const ast::Expr& at) {
  exhausted_at_ = &at;
  loops_at_exhaustion_ = open_loops_;
}

void EvalBudget::report(DiagnosticSink& diags, const std::string& evaluating) const {
  if (!exhausted_at_) return;
  Diagnostic& error =
      out_of_memory_
          ? diags.error("E0812", exhausted_at_->range,
                        fmt::format("evaluating {} builds more than {} MiB of values (limit)",
                                    evaluating, byte_limit_ >> 20))
          : diags.error(
                "E0811", exhausted_at_->range,
                fmt::format("evaluating {} takes more than {} steps (limit)", evaluating, limit_));
  for (auto loop = loops_at_exhaustion_.rbegin(); loop != loops_at_exhaustion_.rend(); ++loop) {
    if (*loop != exhausted_at_) error.notes.push_back({(*loop)->range, "inside this loop"});
  }
  error.notes.push_back(
      {{},
       out_of_memory_
           ? "every use of a value, every '+' and every list element copies what it names; "
             "build large values once and use them where they are needed"
           : "a loop inside a loop, or 'in' inside a loop, does work that grows with the "
             "product of the lists' lengths; loop over each list once where you can"});
}

}  // namespace policyc
