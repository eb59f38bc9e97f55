// How much work one evaluation may do. Every input has a size limit, but a policy whose
// loops nest over manifest lists (`any(a in L: any(b in L: ...))`, `x in L` inside a
// loop over L) turns a large manifest into quadratic work: without a budget a bottle
// launch would wait for minutes, or a fuzzed policy hang. A step is an element visited by
// a loop, `in` or `==`, or a value node copied.
#pragma once
#include <cstdint>
#include <vector>

#include "compiler/ast.hpp"
#include "compiler/diagnostic.hpp"

namespace policyc {

/// The shipped policy takes 2.4 steps per host (240,012 for 100,000 hosts: the `steps`
/// counter of BM_Evaluate), so a 16 MiB manifest stays 40 times below this; a policy
/// that runs out is refused after about a quarter of a second.
inline constexpr std::uint64_t kMaxEvaluationSteps = 100'000'000;

class EvalBudget {
 public:
  explicit EvalBudget(std::uint64_t steps = kMaxEvaluationSteps) : limit_(steps), left_(steps) {}

  /// Takes `steps` for the work of `at`; false from the first time the budget runs out,
  /// and every time after, so that every loop stops at once.
  bool spend(std::uint64_t steps, const ast::Expr& at) {
    if (steps <= left_ && !exhausted_at_) {
      left_ -= steps;
      return true;
    }
    if (!exhausted_at_) run_out(at);
    return false;
  }
  bool exhausted() const { return exhausted_at_ != nullptr; }
  std::uint64_t left() const { return left_; }
  std::uint64_t spent() const { return limit_ - left_; }

  /// The loops around the work being done, reported with it when the budget runs out.
  void enter_loop(const ast::Expr& loop) { open_loops_.push_back(&loop); }
  void leave_loop() { open_loops_.pop_back(); }

  /// E0811 at the expression that ran out, with a note at each loop around it,
  /// innermost first. Nothing when the budget was enough.
  void report(DiagnosticSink& diags, const std::string& evaluating) const;

 private:
  void run_out(const ast::Expr& at);

  std::uint64_t limit_;
  std::uint64_t left_;
  const ast::Expr* exhausted_at_ = nullptr;
  std::vector<const ast::Expr*> open_loops_;
  std::vector<const ast::Expr*> loops_at_exhaustion_;
};

}  // namespace policyc
