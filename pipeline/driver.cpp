#include "pipeline/driver.hpp"

#include "base/file_text.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <iostream>

#include "compiler/syntax/ast_snapshot.hpp"
#include "compiler/check/check.hpp"
#include "compiler/syntax/limits.hpp"
#include "compiler/syntax/load.hpp"
#include "pipelock/emit/validate_output.hpp"
#include "pipelock/emit/render_yaml.hpp"
#include "pipelock/emit/check_output_rules.hpp"
#include "pipelock/emit/verify_rendered.hpp"
#include "runtime/input/manifest_reader.hpp"
#include "runtime/input/params_reader.hpp"
#include "runtime/input/yaml_tree.hpp"

namespace policyc {

std::unique_ptr<ir::Program> load_program(const std::string& policy_path, SourceManager& sources,
                                          DiagnosticSink& diags) {
  std::vector<ast::PolicyFile> files;
  if (policy_path.empty()) {
    std::optional<std::vector<ast::PolicyFile>> parsed =
        read_ast_snapshot(shipped_ast_snapshot(), sources);
    files = parsed ? std::move(*parsed)
                   : load_policies(kShippedPolicy, EmbeddedSource(), sources, diags);
  } else {
    files = load_policies(policy_path, FileSystemSource(), sources, diags);
  }
  if (diags.has_errors()) return nullptr;
  return check_program(std::move(files), sources, diags);
}

std::unique_ptr<ir::Program> load_program(const PolicyChoice& choice, SourceManager& sources,
                                          DiagnosticSink& diags) {
  if (choice.origin != PolicyChoice::Origin::Project) {
    return load_program(choice.origin == PolicyChoice::Origin::Shipped ? "" : choice.entry,
                        sources, diags);
  }
  return load_program(choice, ProjectSource(choice.project->root), sources, diags);
}

std::unique_ptr<ir::Program> load_program(const PolicyChoice& choice,
                                          const PolicySource& project_files,
                                          SourceManager& sources, DiagnosticSink& diags) {
  if (choice.origin != PolicyChoice::Origin::Project) return load_program(choice, sources, diags);
  std::vector<ast::PolicyFile> files = load_policies(choice.entry, project_files, sources, diags);
  if (diags.has_errors()) return nullptr;
  return check_program(std::move(files), sources, diags);
}

std::optional<Compiled> compile_bottle(const CompileRequest& request, SourceManager& sources,
                                       DiagnosticSink& diags) {
  PolicyChoice choice;
  if (request.policy) {
    choice = *request.policy;
  } else if (!request.policy_path.empty()) {
    choice = {PolicyChoice::Origin::Option, request.policy_path, std::nullopt};
  } else {
    choice.entry = kShippedPolicy;
  }
  std::unique_ptr<ir::Program> program = load_program(choice, sources, diags);
  if (!program) return std::nullopt;

  std::optional<FileId> bottle = add_bottle_file(request.bottle_path, sources, diags);
  if (!bottle) return std::nullopt;
  std::optional<Compiled> compiled = compile_manifest(
      std::move(program), *bottle, params_with_defaults(choice, request.params), sources, diags);
  if (compiled) compiled->policy = std::move(choice);
  return compiled;
}

std::optional<FileId> add_bottle_file(const std::string& path, SourceManager& sources,
                                      DiagnosticSink& diags) {
  if (path == kStdioPath) {
    // As large as a file may be, and no larger: reading stops past the limit.
    std::string text = read_bounded(std::cin, kMaxReadBytes);
    if (std::cin.bad()) {
      diags.error("E0300", {}, "cannot read the bottle from standard input");
      return std::nullopt;
    }
    return sources.add(kStdinName, std::move(text));
  }
  std::string error;
  std::optional<std::string> text = FileSystemSource().read(path, error);
  if (!text) {
    diags.error("E0300", {}, fmt::format("cannot read bottle '{}': {}", path, error));
    return std::nullopt;
  }
  return sources.add(path, std::move(*text));
}

namespace {

// Evaluation, validation, rendering and the read-back check: the stages after the
// manifest and the parameters were read without error.
bool evaluate_and_render(const ir::Program& program, Compiled& result, const SourceManager& sources,
                         DiagnosticSink& diags) {
  result.evaluation = evaluate_program(program, result.manifest, result.params, diags);
  if (diags.has_errors()) return false;  // out of steps: the evaluation is incomplete
  if (!validate_pipelock_output(result.evaluation.output, diags, &sources)) return false;
  result.yaml = render_pipelock_yaml(result.evaluation.output);
  std::string mismatch = verify_rendered_yaml(result.evaluation.output, result.yaml);
  if (!mismatch.empty()) {
    diags.error("E0502", {}, fmt::format("internal error: the rendered config does not read back "
                                         "as intended ({}); nothing was written",
                                         mismatch));
    return false;
  }
  return check_output_rules(result.evaluation.output, diags);
}

}  // namespace

std::optional<Value> read_bottle(const ir::Program& program, FileId bottle,
                                 const SourceManager& sources, DiagnosticSink& diags) {
  // The tree is freed on return: the manifest holds what is needed, before evaluating.
  std::unique_ptr<YamlNode> tree = load_yaml_tree(sources, bottle, diags);
  if (!tree) return std::nullopt;
  return read_manifest(*tree, *program.manifest, sources, diags);
}

std::optional<Compiled> compile_prepared(const ir::Program& program, const Value& params,
                                         FileId bottle, SourceManager& sources,
                                         DiagnosticSink& diags) {
  Compiled result;
  std::optional<Value> manifest = read_bottle(program, bottle, sources, diags);
  if (!manifest || diags.has_errors()) return std::nullopt;
  result.manifest = std::move(*manifest);
  result.params = params;
  if (!evaluate_and_render(program, result, sources, diags)) return std::nullopt;
  return result;
}

std::optional<Compiled> compile_manifest(std::unique_ptr<ir::Program> program, FileId bottle,
                                         const std::vector<std::string>& params_given,
                                         SourceManager& sources, DiagnosticSink& diags) {
  std::optional<Compiled> compiled =
      compile_manifest(*program, bottle, params_given, sources, diags);
  if (compiled) compiled->program = std::move(program);
  return compiled;
}

std::optional<Compiled> compile_manifest(const ir::Program& program, FileId bottle,
                                         const std::vector<std::string>& params_given,
                                         SourceManager& sources, DiagnosticSink& diags) {
  // The parameters are read before the manifest, yet report in the same order: they come
  // from a source added after the bottle, and diagnostics are shown sorted by source.
  std::vector<SourceRange> param_ranges = add_command_line_source(sources, params_given);
  const Value params = read_params(param_ranges, *program.params, sources, diags);
  return compile_prepared(program, params, bottle, sources, diags);
}

ProvenanceInput provenance_input(const Compiled& compiled, const SourceManager& sources) {
  return {*compiled.program,   compiled.manifest, compiled.params,
          compiled.evaluation, sources,           manifest_file_of(compiled.manifest)};
}

}  // namespace policyc
