// `compile --format json` on its hot path: the config of a bottle of N hosts rendered as
// JSON by the library (render_json, nlohmann-json), beside the hand-written streaming
// renderer it replaced, kept here only as the baseline so both run in one process on one
// machine load (docs/performance.md quotes the ratio).
#include <benchmark/benchmark.h>
#include <fmt/format.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "base/json_writer.hpp"
#include "bench/bottle_generator.hpp"
#include "pipeline/driver.hpp"
#include "pipelock/emit/emit_json.hpp"
#include "pipelock/emit/emit_scalars.hpp"

namespace policyc {
namespace {

// The replaced renderer and its quoting, as they were (git show 9538350:pipelock/emit/
// emit_json.cpp and base/json_writer.cpp), byte for byte what render_json writes for a
// validated config.
namespace by_hand {

using Kind = Value::Kind;

std::string json_quote(const std::string& s) {
  std::string out = "\"";
  for (std::size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    switch (c) {
      case '"':
        out += "\\\"";
        continue;
      case '\\':
        out += "\\\\";
        continue;
      case '\b':
        out += "\\b";
        continue;
      case '\f':
        out += "\\f";
        continue;
      case '\n':
        out += "\\n";
        continue;
      case '\r':
        out += "\\r";
        continue;
      case '\t':
        out += "\\t";
        continue;
      default:
        break;
    }
    if (c < 0x20 || c == 0x7f) {
      out += fmt::format("\\u{:04x}", c);
    } else if (c == 0xe2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
               (static_cast<unsigned char>(s[i + 2]) == 0xa8 ||
                static_cast<unsigned char>(s[i + 2]) == 0xa9)) {
      // U+2028 and U+2029 are valid JSON but end a line in JavaScript before ES2019.
      out += static_cast<unsigned char>(s[i + 2]) == 0xa8 ? "\\u2028" : "\\u2029";
      i += 2;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

std::string scalar_json(const Value& v) { return scalar_with(v, json_quote); }

void render_list(std::string& out, const Value& list, const std::string& pad) {
  if (list.items.empty()) {
    out += "[]";
    return;
  }
  out += "[\n";
  for (std::size_t i = 0; i < list.items.size(); ++i) {
    out += pad + "  " + scalar_json(list.items[i]) + (i + 1 < list.items.size() ? ",\n" : "\n");
  }
  out += pad + "]";
}

void render_object(std::string& out, const std::vector<OutputNode>& nodes, const std::string& pad,
                   bool in_section) {
  std::vector<const OutputNode*> shown;
  for (const OutputNode& n : nodes) {
    if (!in_section || !omitted_in_section(n)) shown.push_back(&n);
  }
  if (shown.empty()) {
    out += "{}";
    return;
  }
  out += "{\n";
  const std::string inner = pad + "  ";
  for (std::size_t i = 0; i < shown.size(); ++i) {
    const OutputNode& n = *shown[i];
    out += inner + json_quote(n.key) + ": ";
    if (n.is_section) {
      render_object(out, n.children, inner, true);
    } else if (n.value().kind == Kind::List) {
      render_list(out, n.value(), inner);
    } else {
      out += scalar_json(n.value());
    }
    out += i + 1 < shown.size() ? ",\n" : "\n";
  }
  out += pad + "}";
}

}  // namespace by_hand

// A generated bottle of `hosts` hosts compiled; its config's values borrow from the
// compile (the manifest, the sources), so it is kept whole.
struct CompiledBottle {
  SourceManager sources;
  DiagnosticSink diags;
  std::optional<Compiled> compiled;

  explicit CompiledBottle(std::size_t hosts) {
    const std::string path = (std::filesystem::temp_directory_path() /
                              fmt::format("policyc-json-bench-{}-{}.yaml", ::getpid(), hosts))
                                 .string();
    std::ofstream(path, std::ios::binary) << bench::generate_bottle(hosts);
    compiled = compile_bottle({path, "", {}}, sources, diags);
    std::filesystem::remove(path);
  }
  const OutputDocument& config() const {
    static const OutputDocument none;
    return compiled ? compiled->evaluation.output : none;
  }
};

void BM_RenderJson(benchmark::State& state) {
  const CompiledBottle bottle(static_cast<std::size_t>(state.range(0)));
  const OutputDocument& config = bottle.config();
  if (config.empty()) state.SkipWithError("the bottle did not compile");
  std::size_t bytes = 0;
  for (auto _ : state) {
    const std::string json = render_json(config);
    bytes = json.size();
    benchmark::DoNotOptimize(json.data());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes));
}

void BM_RenderJsonByHand(benchmark::State& state) {
  const CompiledBottle bottle(static_cast<std::size_t>(state.range(0)));
  const OutputDocument& config = bottle.config();
  if (config.empty()) state.SkipWithError("the bottle did not compile");
  if (!config.empty()) {
    std::string hand;
    by_hand::render_object(hand, config, "", false);
    if (hand + "\n" != render_json(config)) state.SkipWithError("the baseline writes other bytes");
  }
  std::size_t bytes = 0;
  for (auto _ : state) {
    std::string json;
    by_hand::render_object(json, config, "", false);
    json += "\n";
    bytes = json.size();
    benchmark::DoNotOptimize(json.data());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes));
}

void json_sizes(benchmark::internal::Benchmark* b) {
  b->Arg(1000)->Arg(10000)->Arg(100000)->Unit(benchmark::kMicrosecond);
}
BENCHMARK(BM_RenderJson)->Apply(json_sizes);
BENCHMARK(BM_RenderJsonByHand)->Apply(json_sizes);

}  // namespace
}  // namespace policyc
