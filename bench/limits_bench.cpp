// What hostile YAML costs before a limit stops it (runtime/input/yaml_tree.hpp): an alias
// bomb ("billion laughs") and nesting just past the depth limit. The unit tests check
// that both are refused; what that costs is measured here (docs/performance.md).
#include <benchmark/benchmark.h>

#include <string>

#include "runtime/input/yaml_tree.hpp"

namespace policyc {
namespace {

// Nine levels of ten aliases each: 10^9 nodes if expanded, refused at 100,000.
std::string alias_bomb() {
  std::string text =
      "a: &a [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", "
      "\"lol\", \"lol\", \"lol\"]\n";
  for (char level = 'b'; level <= 'i'; ++level) {
    const std::string alias = std::string("*") + static_cast<char>(level - 1);
    text += std::string(1, level) + ": &" + level + " [";
    for (int i = 0; i < 10; ++i) text += (i == 0 ? "" : ", ") + alias;
    text += "]\n";
  }
  return text;
}

void refuse(benchmark::State& state, const std::string& text) {
  SourceManager sources;
  const FileId file = sources.add("hostile.yaml", text);
  for (auto _ : state) {
    DiagnosticSink diags;
    auto tree = load_yaml_tree(sources, file, diags);
    if (tree || diags.all().empty()) state.SkipWithError("the hostile input was accepted");
    benchmark::DoNotOptimize(tree);
  }
}

void BM_RefuseAliasBomb(benchmark::State& state) { refuse(state, alias_bomb()); }
BENCHMARK(BM_RefuseAliasBomb)->Unit(benchmark::kMillisecond);

void BM_RefuseDeepNesting(benchmark::State& state) {
  refuse(state, std::string(257, '[') + std::string(257, ']'));
}
BENCHMARK(BM_RefuseDeepNesting)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace policyc
