// `policyc lsp` in process: what a keystroke costs (didChange, then every open policy
// checked and its diagnostics published), on the shipped policy and on a generated one
// of 5,000 lines, and whether 10,000 edits leave memory where it was.
#include <benchmark/benchmark.h>
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "lsp/server.hpp"

namespace policyc {
namespace {

using Json = nlohmann::json;

std::string frame(const Json& body) {
  const std::string text = body.dump();
  return fmt::format("Content-Length: {}\r\n\r\n{}", text.size(), text);
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// A server fed one batch of messages at a time: run() serves until the input ends,
// and is called again with the next batch.
class Session {
 public:
  Session(const std::string& path, const std::string& text) : uri_(lsp::uri_of_path(path)) {
    feed(frame({{"jsonrpc", "2.0"}, {"id", 1}, {"method", "initialize"}, {"params", {{"capabilities", Json::object()}}}}) +
         frame({{"jsonrpc", "2.0"},
                {"method", "textDocument/didOpen"},
                {"params", {{"textDocument", {{"uri", uri_}, {"languageId", "policy"}, {"version", 1}, {"text", text}}}}}}));
  }
  /// didChange to `text`; returns the bytes the server sent (its publications).
  std::size_t change(const std::string& text) {
    return feed(frame({{"jsonrpc", "2.0"},
                       {"method", "textDocument/didChange"},
                       {"params",
                        {{"textDocument", {{"uri", uri_}, {"version", ++version_}}},
                         {"contentChanges", Json::array({{{"text", text}}})}}}}));
  }

 private:
  std::size_t feed(const std::string& messages) {
    in_.clear();
    in_.str(messages);
    out_.str("");
    server_.run();
    return out_.str().size();
  }

  std::string uri_;
  long long version_ = 1;
  std::istringstream in_;
  std::ostringstream out_;
  lsp::Server server_{in_, out_};
};

const std::string kShippedEntry = std::string(POLICYC_SOURCE_DIR) + "/policies/pipelock.policy";

// Alternates between the text and the text with one more character in its first
// comment, so every change is a real one-character edit.
void edit_loop(benchmark::State& state, const std::string& path, const std::string& text) {
  Session session(path, text);
  const std::string edited = text.substr(0, 1) + "x" + text.substr(1);
  bool flip = false;
  std::size_t sent = 0;
  for (auto _ : state) {
    sent = session.change((flip = !flip) ? edited : text);
    benchmark::DoNotOptimize(sent);
  }
  state.counters["published_bytes"] = static_cast<double>(sent);
}

void BM_LspEditShippedPolicy(benchmark::State& state) {
  edit_loop(state, kShippedEntry, read_file(kShippedEntry));
}
BENCHMARK(BM_LspEditShippedPolicy)->Unit(benchmark::kMillisecond);

// A policy of at least `lines` lines: constants of two hosts, each read by a rule.
std::string generated_policy(int lines) {
  std::string text =
      "# generated\nmanifest bottle {\n  on: bool = false\n}\n\nset allowlist: hostname\n\n";
  int written = 7;
  for (int i = 0; written < lines - 4; ++i, written += 10) {
    text += fmt::format(
        "# hosts of group {0}\nconst H{0}: list<hostname> = [\n  \"h{0}.example.com\",\n"
        "  \"m{0}.example.com\",\n]\n\nrule r{0} when bottle.on {{\n  allowlist += H{0}\n}}\n\n",
        i);
  }
  return text + "output pipelock {\n  mode = \"strict\"\n  api_allowlist = allowlist\n}\n";
}

void BM_LspEditGenerated5000Lines(benchmark::State& state) {
  // Its own folder: the server checks every policy beside the document.
  const std::filesystem::path folder =
      std::filesystem::temp_directory_path() / fmt::format("policyc-lsp-bench-{}", getpid());
  std::filesystem::create_directories(folder);
  const std::string path = (folder / "generated.policy").string();
  const std::string text = generated_policy(5000);
  std::ofstream(path) << text;
  edit_loop(state, path, text);
  state.counters["lines"] = static_cast<double>(std::count(text.begin(), text.end(), '\n'));
  std::filesystem::remove_all(folder);
}
BENCHMARK(BM_LspEditGenerated5000Lines)->Unit(benchmark::kMillisecond);

// Resident set in KiB, from /proc/self/statm (its second field, in pages).
double resident_kib() {
  std::ifstream statm("/proc/self/statm");
  long long size = 0, resident = 0;
  statm >> size >> resident;
  return static_cast<double>(resident * sysconf(_SC_PAGESIZE) / 1024);
}

// 10,000 edits of the shipped policy: the resident set after the first 100 (allocator
// pools warm) and after the rest should be the same.
void BM_LspMemoryOver10000Edits(benchmark::State& state) {
  const std::string text = read_file(kShippedEntry);
  const std::string edited = text.substr(0, 1) + "x" + text.substr(1);
  for (auto _ : state) {
    Session session(kShippedEntry, text);
    for (int i = 0; i < 100; ++i) session.change(i % 2 ? text : edited);
    const double before = resident_kib();
    for (int i = 100; i < 10000; ++i) session.change(i % 2 ? text : edited);
    const double after = resident_kib();
    state.counters["rss_before_kib"] = before;
    state.counters["rss_after_kib"] = after;
    state.counters["rss_growth_kib"] = after - before;
  }
}
BENCHMARK(BM_LspMemoryOver10000Edits)->Unit(benchmark::kSecond)->Iterations(1);

}  // namespace
}  // namespace policyc
