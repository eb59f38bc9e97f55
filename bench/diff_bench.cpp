// `policyc diff` of two configs compiled from the same generated bottle, against
// compiling that bottle: before list entries were indexed (pipelock/diff/list_index.hpp) a
// diff was quadratic in hosts (4k hosts 4 s, 100k not done in 10 minutes).
#include <benchmark/benchmark.h>

#include "bench/bottle_generator.hpp"
#include "pipeline/driver.hpp"
#include "pipelock/diff/config_diff.hpp"
#include "pipelock/validate/config_tree.hpp"

namespace policyc {
namespace {

// Reading both configs as `policyc diff OLD NEW` does, then the diff itself.
void BM_DiffConfigs(benchmark::State& state) {
  SourceManager sources;
  DiagnosticSink diags;
  const FileId bottle =
      sources.add("bottle.yaml", bench::generate_bottle(static_cast<std::size_t>(state.range(0))));
  std::optional<Compiled> compiled =
      compile_manifest(load_program("", sources, diags), bottle, {}, sources, diags);
  if (!compiled) {
    state.SkipWithError("the bottle did not compile");
    return;
  }
  const FileId old_file = sources.add("old.yaml", compiled->yaml);
  const FileId new_file = sources.add("new.yaml", compiled->yaml);
  for (auto _ : state) {
    std::unique_ptr<YamlNode> before = load_config_tree(sources, old_file, diags);
    std::unique_ptr<YamlNode> after = load_config_tree(sources, new_file, diags);
    ConfigDiff diff = diff_configs(*before, *after);
    if (diff.verdict != Verdict::Same) state.SkipWithError("a config differs from itself");
    benchmark::DoNotOptimize(diff);
  }
}
BENCHMARK(BM_DiffConfigs)->Arg(1000)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace policyc
