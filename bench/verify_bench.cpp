// The cost of the emitter's self-check (verify_rendered_yaml: the rendered config read
// back with yaml-cpp and compared with the document) next to rendering alone and to the
// whole compile it is part of, for bottles of 10 to 100,000 hosts.
#include <benchmark/benchmark.h>

#include <map>
#include <memory>

#include "bench/bottle_generator.hpp"
#include "pipeline/driver.hpp"
#include "pipelock/emit/render_yaml.hpp"
#include "pipelock/emit/verify_rendered.hpp"

namespace {

using policyc::Compiled;

// One compile of a generated bottle, kept for the render and verify benchmarks.
std::optional<Compiled> compile_generated(std::size_t hosts) {
  policyc::SourceManager sources;
  policyc::DiagnosticSink diags;
  auto program = policyc::load_program("", sources, diags);
  if (!program) return std::nullopt;
  policyc::FileId bottle = sources.add("bottle.yaml", policyc::bench::generate_bottle(hosts));
  return policyc::compile_manifest(std::move(program), bottle, {}, sources, diags);
}

const Compiled& compiled(std::size_t hosts) {
  static std::map<std::size_t, std::unique_ptr<Compiled>> cache;
  auto& entry = cache[hosts];
  if (!entry) {
    std::optional<Compiled> result = compile_generated(hosts);
    if (!result) std::abort();  // the generator makes valid bottles
    entry = std::make_unique<Compiled>(std::move(*result));
  }
  return *entry;
}

void BM_SelfCheckRenderOnly(benchmark::State& state) {
  const Compiled& c = compiled(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) benchmark::DoNotOptimize(policyc::render_pipelock_yaml(c.evaluation.output));
  state.counters["bytes"] = static_cast<double>(c.yaml.size());
}

void BM_SelfCheckVerify(benchmark::State& state) {
  const Compiled& c = compiled(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) {
    std::string mismatch = policyc::verify_rendered_yaml(c.evaluation.output, c.yaml);
    if (!mismatch.empty()) state.SkipWithError(mismatch.c_str());
    benchmark::DoNotOptimize(mismatch);
  }
  state.counters["bytes"] = static_cast<double>(c.yaml.size());
}

// The whole compile, self-check included: what the check's share is measured against.
void BM_SelfCheckWholeCompile(benchmark::State& state) {
  const auto hosts = static_cast<std::size_t>(state.range(0));
  for (auto _ : state) benchmark::DoNotOptimize(compile_generated(hosts));
}

void sizes(benchmark::internal::Benchmark* b) {
  b->Arg(10)->Arg(1000)->Arg(100000)->Unit(benchmark::kMillisecond);
}

}  // namespace

BENCHMARK(BM_SelfCheckRenderOnly)->Apply(sizes);
BENCHMARK(BM_SelfCheckVerify)->Apply(sizes);
BENCHMARK(BM_SelfCheckWholeCompile)->Apply(sizes);
