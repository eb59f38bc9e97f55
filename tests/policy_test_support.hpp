// Compiling policies held in memory, for tests of the checks and the evaluator.
#pragma once
#include <map>
#include <memory>
#include <string>

#include "compiler/check/check.hpp"
#include "compiler/syntax/load.hpp"

namespace policyc::testing {

class MemorySource : public PolicySource {
 public:
  explicit MemorySource(std::map<std::string, std::string> files) : files_(std::move(files)) {}
  std::optional<std::string> read(const std::string& path, std::string& error) const override {
    auto it = files_.find(path);
    if (it != files_.end()) return it->second;
    error = "No such file or directory";
    return std::nullopt;
  }

 private:
  std::map<std::string, std::string> files_;
};

struct CheckedPolicy {
  SourceManager sources;
  DiagnosticSink diags;
  std::unique_ptr<ir::Program> program;

  /// Every diagnostic rendered, in source order.
  std::string rendered() const {
    std::string out;
    for (const Diagnostic& d : diags.sorted()) out += render(d, sources);
    return out;
  }
};

/// Loads "main.policy" (and what it imports) from `files`, then checks it.
inline std::unique_ptr<CheckedPolicy> check_files(std::map<std::string, std::string> files) {
  auto result = std::make_unique<CheckedPolicy>();
  MemorySource source(std::move(files));
  auto parsed = load_policies("main.policy", source, result->sources, result->diags);
  if (!result->diags.has_errors()) {
    result->program = check_program(std::move(parsed), result->sources, result->diags);
  }
  return result;
}

/// A minimal valid policy around `body`: a manifest, a set and an output that uses it.
inline std::string with_skeleton(const std::string& body) {
  return "manifest bottle {\n  hosts: list<hostname> = []\n  on: bool = false\n}\n"
         "set allowlist: hostname\n"
         "output pipelock {\n  mode = \"strict\"\n  api_allowlist = allowlist\n}\n" +
         body;
}

}  // namespace policyc::testing
