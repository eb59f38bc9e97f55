#include "compiler/driver.hpp"

#include <fmt/format.h>

#include "compiler/check.hpp"
#include "compiler/load.hpp"
#include "runtime/emit_pipelock.hpp"
#include "runtime/manifest_reader.hpp"
#include "runtime/params_reader.hpp"
#include "runtime/yaml_tree.hpp"

namespace policyc {

std::unique_ptr<ir::Program> load_program(const std::string& policy_path, SourceManager& sources,
                                          DiagnosticSink& diags) {
  std::vector<ast::PolicyFile> files;
  if (policy_path.empty()) {
    files = load_policies(kShippedPolicy, EmbeddedSource(), sources, diags);
  } else {
    files = load_policies(policy_path, FileSystemSource(), sources, diags);
  }
  if (diags.has_errors()) return nullptr;
  return check_program(std::move(files), sources, diags);
}

std::optional<Compiled> compile_bottle(const CompileRequest& request, SourceManager& sources,
                                       DiagnosticSink& diags) {
  Compiled result;
  result.program = load_program(request.policy_path, sources, diags);
  if (!result.program) return std::nullopt;

  std::string error;
  std::optional<std::string> text = FileSystemSource().read(request.bottle_path, error);
  if (!text) {
    diags.error("E0300", {}, fmt::format("cannot read bottle '{}': {}", request.bottle_path, error));
    return std::nullopt;
  }
  FileId bottle = sources.add(request.bottle_path, std::move(*text));
  std::unique_ptr<YamlNode> tree = load_yaml_tree(sources, bottle, diags);
  if (tree) result.manifest = read_manifest(*tree, *result.program->manifest, sources, diags);
  std::vector<SourceRange> params = add_command_line_source(sources, request.params);
  result.params = read_params(params, *result.program->params, sources, diags);
  if (diags.has_errors()) return std::nullopt;

  result.evaluation = evaluate_program(*result.program, result.manifest, result.params);
  if (!validate_pipelock_output(result.evaluation.output, diags)) return std::nullopt;
  result.yaml = render_pipelock_yaml(result.evaluation.output);
  std::string mismatch = verify_rendered_yaml(result.evaluation.output, result.yaml);
  if (!mismatch.empty()) {
    diags.error("E0502", {}, fmt::format("internal error: the rendered config does not read back "
                                         "as intended ({}); nothing was written",
                                         mismatch));
    return std::nullopt;
  }
  return result;
}

std::string allowlist_summary(const OutputDocument& output) {
  std::vector<std::string> hosts;
  for (const OutputNode& node : output) {
    if (node.key != "api_allowlist") continue;
    for (const Value& item : node.value.items) hosts.push_back(item.string);
  }
  if (hosts.empty()) return "0 hosts allowed (none)";
  const std::size_t shown = hosts.size() > 5 ? 3 : hosts.size();
  std::string joined = fmt::format("{}", fmt::join(hosts.begin(), hosts.begin() + shown, ", "));
  if (shown < hosts.size()) {
    return fmt::format("{} hosts allowed ({}, +{} more)", hosts.size(), joined, hosts.size() - shown);
  }
  return fmt::format("{} hosts allowed ({})", hosts.size(), joined);
}

}  // namespace policyc
