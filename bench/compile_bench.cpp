// In-process figures for each stage of a compile, on a typical bottle and on generated
// bottles of 1k, 10k and 100k allowlist hosts, beside what yaml-cpp alone costs on the
// same text. Whole-process figures (what a user waits for) come from bench/run.sh.
#include <benchmark/benchmark.h>
#include <fmt/format.h>
#include <unistd.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "bench/bottle_generator.hpp"
#include "compiler/check/check.hpp"
#include "pipeline/driver.hpp"
#include "compiler/syntax/load.hpp"
#include "pipelock/emit/validate_output.hpp"
#include "pipelock/emit/render_yaml.hpp"
#include "pipelock/emit/verify_rendered.hpp"
#include "runtime/input/manifest_reader.hpp"
#include "runtime/input/params_reader.hpp"
#include "runtime/input/yaml_tree.hpp"

namespace policyc {
namespace {

// The golden case `routes`: three routes, the defaults; what most bottles look like.
constexpr const char* kTypicalBottle = R"(egress_proxy:
  routes:
    - host: api.github.com
      auth: {scheme: Bearer, token_ref: GH_PAT}
      path_allowlist: ["/repos/org/", "/users/me"]
    - host: gitea.example.org
      auth:
        scheme: token
        token_ref: GITEA_TOKEN
    - host: example.com
)";

std::string bottle_text(const benchmark::State& state) {
  return state.range(0) == 0 ? kTypicalBottle : bench::generate_bottle(state.range(0));
}

void set_bytes(benchmark::State& state, const std::string& text) {
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
}

// The shipped policies loaded and checked, as every compile does once per process: the
// AST read from the build-time snapshot (compiler/syntax/ast_snapshot.hpp), then checked.
void BM_LoadShippedPolicy(benchmark::State& state) {
  for (auto _ : state) {
    SourceManager sources;
    DiagnosticSink diags;
    benchmark::DoNotOptimize(load_program("", sources, diags));
  }
}
BENCHMARK(BM_LoadShippedPolicy)->Unit(benchmark::kMicrosecond);

// The same policies parsed from their text and checked, as a policy given with --policy
// (or a stale snapshot) is.
void BM_ParseShippedPolicy(benchmark::State& state) {
  for (auto _ : state) {
    SourceManager sources;
    DiagnosticSink diags;
    std::vector<ast::PolicyFile> files =
        load_policies(kShippedPolicy, EmbeddedSource(), sources, diags);
    benchmark::DoNotOptimize(check_program(std::move(files), sources, diags));
  }
}
BENCHMARK(BM_ParseShippedPolicy)->Unit(benchmark::kMicrosecond);

// yaml-cpp's parser with every event ignored: the least any yaml-cpp loader can cost.
class IgnoreEvents final : public YAML::EventHandler {
 public:
  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t,
                const std::string&) override {}
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {}
  void OnMapEnd() override {}
};

void BM_YamlCppEventsOnly(benchmark::State& state) {
  const std::string text = bottle_text(state);
  for (auto _ : state) {
    std::istringstream in(text);
    YAML::Parser parser(in);
    IgnoreEvents events;
    while (parser.HandleNextDocument(events)) {
    }
  }
  set_bytes(state, text);
}

// What the floor program does, in process: yaml-cpp's node tree, hosts sorted once.
void BM_Floor(benchmark::State& state) {
  const std::string text = bottle_text(state);
  for (auto _ : state) {
    const YAML::Node bottle = YAML::Load(text);
    std::vector<std::string> hosts;
    if (const YAML::Node egress = bottle["egress"]) {
      for (const YAML::Node& host : egress["allowlist"]) hosts.push_back(host.Scalar());
    }
    if (const YAML::Node proxy = bottle["egress_proxy"]) {
      for (const YAML::Node& route : proxy["routes"]) hosts.push_back(route["host"].Scalar());
    }
    std::sort(hosts.begin(), hosts.end());
    hosts.erase(std::unique(hosts.begin(), hosts.end()), hosts.end());
    benchmark::DoNotOptimize(hosts.data());
  }
  set_bytes(state, text);
}

// One bottle's stages against a policy checked once, as batch mode runs them.
struct Stages {
  SourceManager sources;
  DiagnosticSink diags;
  std::unique_ptr<ir::Program> program = load_program("", sources, diags);
  FileId file = 0;

  explicit Stages(std::string text) { file = sources.add("bottle.yaml", std::move(text)); }
  std::unique_ptr<YamlNode> tree() { return load_yaml_tree(sources, file, diags); }
  Value manifest(const YamlNode& root) {
    return read_manifest(root, *program->manifest, sources, diags);
  }
  Value params() {
    return read_params(add_command_line_source(sources, {}), *program->params, sources, diags);
  }
  Evaluation evaluation() { return evaluate_program(*program, manifest(*tree()), params(), diags); }
};

void BM_YamlTree(benchmark::State& state) {
  Stages stages(bottle_text(state));
  for (auto _ : state) benchmark::DoNotOptimize(stages.tree());
  set_bytes(state, stages.sources.file(stages.file).text());
}

void BM_ReadManifest(benchmark::State& state) {
  Stages stages(bottle_text(state));
  std::unique_ptr<YamlNode> tree = stages.tree();
  for (auto _ : state) benchmark::DoNotOptimize(stages.manifest(*tree));
}

void BM_Evaluate(benchmark::State& state) {
  Stages stages(bottle_text(state));
  const Value manifest = stages.manifest(*stages.tree());
  const Value params = stages.params();
  std::uint64_t steps = 0;
  std::uint64_t bytes = 0;
  for (auto _ : state) {
    DiagnosticSink diags;
    Evaluation evaluation = evaluate_program(*stages.program, manifest, params, diags);
    steps = evaluation.steps;
    bytes = evaluation.bytes_built;
    benchmark::DoNotOptimize(evaluation);
  }
  state.counters["steps"] = static_cast<double>(steps);  // against kMaxEvaluationSteps
  state.counters["bytes_built"] = static_cast<double>(bytes);  // against kMaxEvaluationBytes
}

void BM_ValidateAndRender(benchmark::State& state) {
  Stages stages(bottle_text(state));
  const Evaluation evaluation = stages.evaluation();
  for (auto _ : state) {
    DiagnosticSink diags;
    benchmark::DoNotOptimize(validate_pipelock_output(evaluation.output, diags));
    benchmark::DoNotOptimize(render_pipelock_yaml(evaluation.output));
  }
}

void BM_VerifyRendered(benchmark::State& state) {
  Stages stages(bottle_text(state));
  const Evaluation evaluation = stages.evaluation();
  const std::string yaml = render_pipelock_yaml(evaluation.output);
  for (auto _ : state) benchmark::DoNotOptimize(verify_rendered_yaml(evaluation.output, yaml));
  set_bytes(state, yaml);
}

// Everything `policyc compile` does in process, policy and file reading included.
void BM_CompileBottle(benchmark::State& state) {
  const std::string text = bottle_text(state);
  const std::string path = (std::filesystem::temp_directory_path() /
                            fmt::format("policyc-bench-{}-{}.yaml", ::getpid(), state.range(0)))
                               .string();
  std::ofstream(path, std::ios::binary) << text;
  for (auto _ : state) {
    SourceManager sources;
    DiagnosticSink diags;
    std::optional<Compiled> compiled = compile_bottle({path, "", {}}, sources, diags);
    if (!compiled) state.SkipWithError("the bottle did not compile");
    benchmark::DoNotOptimize(compiled);
  }
  std::filesystem::remove(path);
  set_bytes(state, text);
}

// 0: the typical bottle; then generated bottles of 1k, 10k and 100k hosts.
void sizes(benchmark::internal::Benchmark* b) {
  b->Arg(0)->Arg(1000)->Arg(10000)->Arg(100000)->Unit(benchmark::kMicrosecond);
}
BENCHMARK(BM_YamlCppEventsOnly)->Apply(sizes);
BENCHMARK(BM_Floor)->Apply(sizes);
BENCHMARK(BM_YamlTree)->Apply(sizes);
BENCHMARK(BM_ReadManifest)->Apply(sizes);
BENCHMARK(BM_Evaluate)->Apply(sizes);
BENCHMARK(BM_ValidateAndRender)->Apply(sizes);
BENCHMARK(BM_VerifyRendered)->Apply(sizes);
BENCHMARK(BM_CompileBottle)->Apply(sizes);

}  // namespace
}  // namespace policyc
