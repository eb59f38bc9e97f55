// The compile pipeline, stage by stage: policies, manifest, parameters, evaluation,
// emission. Every stage reports to one sink; nothing is emitted after an error.
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "compiler/diagnostic.hpp"
#include "compiler/ir.hpp"
#include "runtime/evaluate.hpp"

namespace policyc {

struct CompileRequest {
  std::string bottle_path;
  std::string policy_path;  // empty: the shipped policies
  std::vector<std::string> params;  // NAME=VALUE, in command-line order
};

struct Compiled {
  std::unique_ptr<ir::Program> program;
  Value manifest;
  Value params;
  Evaluation evaluation;
  std::string yaml;  // the pipelock config, exact bytes
};

/// The shipped entry policy, as named in diagnostics.
inline constexpr const char* kShippedPolicy = "policies/pipelock.policy";

/// Loads and checks the policy (shipped when `policy_path` is empty).
std::unique_ptr<ir::Program> load_program(const std::string& policy_path, SourceManager& sources,
                                          DiagnosticSink& diags);

/// Runs the whole pipeline; nothing when any error was reported.
std::optional<Compiled> compile_bottle(const CompileRequest& request, SourceManager& sources,
                                       DiagnosticSink& diags);

/// "N hosts allowed (a, b, c, +M more)": the preflight line of the reference.
std::string allowlist_summary(const OutputDocument& output);

}  // namespace policyc
