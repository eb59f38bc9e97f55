// The compile pipeline, stage by stage: policies, manifest, parameters, evaluation,
// emission. Every stage reports to one sink; nothing is emitted after an error.
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/diagnostic.hpp"
#include "ir/program.hpp"
#include "pipeline/project.hpp"
#include "ir/evaluate.hpp"
#include "runtime/provenance/provenance_view.hpp"

namespace policyc {

struct CompileRequest {
  std::string bottle_path;
  std::string policy_path;  // empty: the shipped policies
  std::vector<std::string> params;  // NAME=VALUE, in command-line order
  // The commands' choice (choose_policy: --policy, the project, the shipped policies);
  // when set, `policy_path` is not read and the project's default parameters apply.
  std::optional<PolicyChoice> policy = std::nullopt;
};

struct Compiled {
  std::unique_ptr<ir::Program> program;
  Value manifest;
  Value params;
  Evaluation evaluation;
  std::string yaml;  // the pipelock config, exact bytes
  PolicyChoice policy;  // which policy compiled it, for the reports that name it
};

/// What `explain` and `--annotate` read of a compile whose sources are `sources`.
ProvenanceInput provenance_input(const Compiled& compiled, const SourceManager& sources);

/// The shipped entry policy, as named in diagnostics.
inline constexpr const char* kShippedPolicy = "policies/pipelock.policy";

/// Loads and checks the policy (shipped when `policy_path` is empty).
std::unique_ptr<ir::Program> load_program(const std::string& policy_path, SourceManager& sources,
                                          DiagnosticSink& diags);

/// Loads and checks the policy `choice` names: a project's files are named relative to
/// its root, so diagnostics read the same as the shipped policies'.
std::unique_ptr<ir::Program> load_program(const PolicyChoice& choice, SourceManager& sources,
                                          DiagnosticSink& diags);

/// As above, with a project's files read through `project_files` (names relative to the
/// root): the language server reads the open, unsaved documents before the disk.
std::unique_ptr<ir::Program> load_program(const PolicyChoice& choice,
                                          const PolicySource& project_files,
                                          SourceManager& sources, DiagnosticSink& diags);

/// Runs the whole pipeline; nothing when any error was reported.
std::optional<Compiled> compile_bottle(const CompileRequest& request, SourceManager& sources,
                                       DiagnosticSink& diags);

/// The pipeline after the policy: reads the parameters `params`, then runs
/// compile_prepared; `bottle` is the manifest, already in `sources`.
std::optional<Compiled> compile_manifest(std::unique_ptr<ir::Program> program, FileId bottle,
                                         const std::vector<std::string>& params,
                                         SourceManager& sources, DiagnosticSink& diags);
/// As above, with a program the caller keeps (the language server reads its schema
/// whether the bottle compiles or not); the result has no `program`.
std::optional<Compiled> compile_manifest(const ir::Program& program, FileId bottle,
                                         const std::vector<std::string>& params,
                                         SourceManager& sources, DiagnosticSink& diags);

/// The path that means standard input (a bottle) or standard output (`-o`), and the
/// name a bottle read from standard input is shown under.
inline constexpr const char* kStdioPath = "-";
inline constexpr const char* kStdinName = "<stdin>";

/// Reads the bottle at `path` (standard input for `-`) into `sources`; reports E0300
/// when it cannot be read.
std::optional<FileId> add_bottle_file(const std::string& path, SourceManager& sources,
                                      DiagnosticSink& diags);

/// The bottle `bottle` (already in `sources`) read against the manifest schema of
/// `program`: the first stage of compile_prepared, and all `policyc migrate` reads.
/// Nothing when its YAML cannot be read; the schema's errors go to `diags`.
std::optional<Value> read_bottle(const ir::Program& program, FileId bottle,
                                 const SourceManager& sources, DiagnosticSink& diags);

/// The pipeline after the policy and the parameters, as batch mode runs it for each
/// bottle: `program` and `params` were checked once and are only read, so threads may
/// share them; `bottle` is already in `sources`. The result has no `program`.
std::optional<Compiled> compile_prepared(const ir::Program& program, const Value& params,
                                         FileId bottle, SourceManager& sources,
                                         DiagnosticSink& diags);

}  // namespace policyc
