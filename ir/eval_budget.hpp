// How much work one evaluation may do. Every input has a size limit, but a policy whose
// loops nest over manifest lists (`any(a in L: any(b in L: ...))`, `x in L` inside a
// loop over L) turns a large manifest into quadratic work: without a budget a bottle
// launch would wait for minutes, or a fuzzed policy hang. A step is an element visited by
// a loop, `in` or `==`, or a value node copied. Memory is bounded the same way: a few
// steps can copy a megabyte string a thousand times, so the bytes of the values an
// evaluation builds (copies and literals) have a budget of their own.
#pragma once
#include <cstdint>
#include <vector>

#include "ir/ast.hpp"
#include "base/diagnostic.hpp"

namespace policyc {

/// The shipped policy takes 2.4 steps per host (240,012 for 100,000 hosts: the `steps`
/// counter of BM_Evaluate), so a 16 MiB manifest stays 40 times below this; a policy
/// that runs out is refused after about a quarter of a second.
inline constexpr std::uint64_t kMaxEvaluationSteps = 100'000'000;

/// Bytes of the values one evaluation builds, counted as they are built (a node's
/// sizeof(Value), its string and its field names) and never given back: the shipped
/// policy builds 187 bytes per host (the bytes_built counter of BM_Evaluate), so a
/// 16 MiB manifest stays several times below this.
inline constexpr std::uint64_t kMaxEvaluationBytes = 1ull << 30;

class EvalBudget {
 public:
  explicit EvalBudget(std::uint64_t steps = kMaxEvaluationSteps,
                      std::uint64_t bytes = kMaxEvaluationBytes)
      : limit_(steps), left_(steps), byte_limit_(bytes), bytes_left_(bytes) {}

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
  /// Takes `bytes` of values built for `at`; like spend, false from the first time the
  /// bytes run out (or the steps did).
  bool allocate(std::uint64_t bytes, const ast::Expr& at) {
    if (bytes <= bytes_left_ && !exhausted_at_) {
      bytes_left_ -= bytes;
      return true;
    }
    if (!exhausted_at_) {
      out_of_memory_ = true;
      run_out(at);
    }
    return false;
  }
  bool exhausted() const { return exhausted_at_ != nullptr; }
  std::uint64_t left() const { return left_; }
  std::uint64_t spent() const { return limit_ - left_; }
  std::uint64_t bytes_built() const { return byte_limit_ - bytes_left_; }

  /// The loops around the work being done, reported with it when the budget runs out.
  void enter_loop(const ast::Expr& loop) { open_loops_.push_back(&loop); }
  void leave_loop() { open_loops_.pop_back(); }

  /// E0811 (steps) or E0812 (bytes) at the expression that ran out, with a note at each
  /// loop around it, innermost first. Nothing when the budget was enough.
  void report(DiagnosticSink& diags, const std::string& evaluating) const;

 private:
  void run_out(const ast::Expr& at);

  std::uint64_t limit_;
  std::uint64_t left_;
  std::uint64_t byte_limit_;
  std::uint64_t bytes_left_;
  bool out_of_memory_ = false;  // the bytes ran out, not the steps
  const ast::Expr* exhausted_at_ = nullptr;
  std::vector<const ast::Expr*> open_loops_;
  std::vector<const ast::Expr*> loops_at_exhaustion_;
};

}  // namespace policyc
