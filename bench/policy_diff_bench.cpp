// `policyc diff --all-bottles`: the shipped policy against an edit of it (a default host
// added, golden/symdiff/default_host_added), loading both policies included. The goal
// of issue 14 is under 1 s.
#include <benchmark/benchmark.h>

#include "pipeline/driver.hpp"
#include "pipeline/symdiff/policy_diff.hpp"

namespace policyc {
namespace {

void BM_DiffPoliciesAllBottles(benchmark::State& state) {
  const std::string source = POLICYC_SOURCE_DIR;
  for (auto _ : state) {
    LoadedPolicy before, after;
    DiagnosticSink diags;
    before.program = load_program(source + "/policies/pipelock.policy", before.sources, diags);
    after.program = load_program(source + "/golden/symdiff/default_host_added/new/pipelock.policy",
                                 after.sources, diags);
    if (!before.program || !after.program) {
      state.SkipWithError("a policy did not load");
      return;
    }
    PolicyDiff diff = diff_policies(before, after);
    if (diff.verdict != Verdict::Wider) state.SkipWithError("the edit is not wider");
    benchmark::DoNotOptimize(diff);
  }
}
BENCHMARK(BM_DiffPoliciesAllBottles)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace policyc
