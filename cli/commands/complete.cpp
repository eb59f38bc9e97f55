// `policyc __complete WORD...`: the candidates the shell completion scripts offer.
// Hidden from --help. Commands and options are read from the command line itself and
// parameter names from the policy, so the completions can never drift from either.
#include <cstdlib>
#include <memory>

#include "cli/cli.hpp"
#include "cli/commands.hpp"
#include "cli/completion.hpp"
#include "pipeline/driver.hpp"
#include "base/error_docs.hpp"
#include "ir/types.hpp"

namespace policyc {

namespace {

// `~/x` as the shell would expand it: completion sees the words before expansion.
std::string expand_home(const std::string& path) {
  const char* home = std::getenv("HOME");
  if (home == nullptr || path.rfind("~/", 0) != 0) return path;
  return std::string(home) + path.substr(1);
}

std::vector<CompletionParam> policy_params(const std::string& policy_path) {
  SourceManager sources;
  DiagnosticSink diags;
  // The policy the command would use: --policy, else the current directory's project's.
  std::optional<PolicyChoice> choice = choose_policy(expand_home(policy_path), "", sources, diags);
  std::unique_ptr<ir::Program> program = choice ? load_program(*choice, sources, diags) : nullptr;
  std::vector<CompletionParam> params;
  if (!program) return params;  // a broken policy offers no names; compile will say why
  for (const FieldType& field : program->params->fields) {
    const Type& type = *field.type;
    const Type& element = type.kind == Type::Kind::List && type.element ? *type.element : type;
    CompletionParam param{field.name, type_name(type), element.enum_values,
                          element.kind == Type::Kind::Path};
    if (element.kind == Type::Kind::Bool) param.values = {"true", "false"};
    params.push_back(std::move(param));
  }
  return params;
}

std::vector<std::pair<std::string, std::string>> error_codes() {
  std::vector<std::pair<std::string, std::string>> codes;
  for (const ErrorDoc& doc : error_docs()) codes.push_back({doc.code, doc.title});
  return codes;
}

}  // namespace

std::string complete_line(const CLI::App& root, const std::vector<std::string>& words) {
  const CompletionSources sources{policy_params, error_codes};
  return render_completion(complete_words(root, words, sources));
}

// Registered so that it is a known command, hidden; run_cli hands it its words directly.
Command add_complete_command(CLI::App& app) {
  CLI::App* command = app.add_subcommand("__complete", "");
  command->group("");  // hidden: for the completion scripts, not for people
  command->set_help_flag();
  command->prefix_command();  // every word after it is data, options included
  CLI::App* root = &app;
  return {command, [root, command](CommandIo& io) {
            io.out << complete_line(*root, command->remaining());
            return int{kExitOk};
          }};
}

}  // namespace policyc
