// `policyc explain BOTTLE [--host H]`: why each value of the bottle's config is there,
// or why one host is or is not allowed; without a bottle, what the policy means for any
// bottle (pipeline/meaning).
#include <fmt/format.h>

#include <memory>

#include "cli/cli.hpp"
#include "cli/commands.hpp"
#include "pipeline/driver.hpp"
#include "pipeline/meaning/policy_meaning.hpp"
#include "pipelock/explain/explain_report.hpp"
#include "base/hostname.hpp"
#include "base/json_writer.hpp"

namespace policyc {

namespace {

// `explain --host H` when pipelock would block H: not an error (1, 2), an answer, as
// diff's 3 is for a wider change.
constexpr int kExitHostBlocked = 3;

struct ExplainOptions {
  BottleOptions bottle;
  DiagnosticOptions diagnostics;
  std::string host;
  std::string format = "text";
};

// The report, led by the policy it explains: a reader must know which policy answered.
// The JSON report's object gains a first key, "policy", with the file, its origin
// (shipped, project or option) and the project's folder.
std::string with_policy(const std::string& report, const PolicyChoice& policy, bool json) {
  if (!json) return fmt::format("policy: {}\n\n{}", describe_policy(policy), report);
  static const char* const kOrigins[] = {"shipped", "project", "option"};
  Json head;
  head["policy"]["file"] = policy.entry;
  head["policy"]["origin"] = kOrigins[static_cast<int>(policy.origin)];
  head["policy"]["project"] =
      policy.project ? Json(display_path(policy.project->root)) : Json(nullptr);
  std::string text = json_text(head, 2);
  text.resize(text.size() - 2);  // the "\n}" that closes the head: the report goes on
  return text + "," + report.substr(1);  // the report's own "{" is the one just written
}

// No bottle: each output field's sources and their conditions, for every bottle.
int run_policy_meaning(const ExplainOptions& options, CommandIo& io) {
  // Both answer for one bottle; silently dropping them would answer another question.
  for (const auto& [given, what] : {std::pair{!options.host.empty(), "--host"},
                                    std::pair{!options.bottle.params.empty(), "--param"}}) {
    if (!given) continue;
    io.err << "policyc: error: " << what
           << " needs a bottle: give one (policyc explain BOTTLE " << what
           << " ...), or leave " << what << " out to explain the policy for every bottle\n";
    return kExitUsage;
  }
  SourceManager sources;
  DiagnosticSink diags;
  const std::string& path = options.bottle.policy;
  std::optional<PolicyChoice> choice =
      choose_policy(path.empty() ? path : policy_entry(path), "", sources, diags);
  std::unique_ptr<ir::Program> program;
  if (choice) {
    if (options.bottle.verbose) io.err << "policyc: policy: " << describe_policy(*choice) << "\n";
    program = load_program(*choice, sources, diags);
  }
  print_diagnostics(sources, diags, options.diagnostics, io.err);
  if (!program) return kExitInvalid;
  const PolicyMeaning meaning = explain_policy(*program, sources);
  const bool json = options.format == "json";
  io.out << with_policy(json ? policy_meaning_json(meaning) : policy_meaning_text(meaning),
                        *choice, json);
  return kExitOk;
}

int run_explain(const ExplainOptions& options, CommandIo& io) {
  if (options.bottle.bottle.empty()) return run_policy_meaning(options, io);
  SourceManager sources;
  DiagnosticSink diags;
  std::string host;
  if (!options.host.empty()) {
    // The host is checked first, against the same rules as a manifest's hostnames, and
    // shown as the command line it was given on.
    const std::string flag = "--host ";
    const FileId file = sources.add("<command line>", flag + options.host);
    if (std::optional<InputProblem> problem = check_hostname(options.host, host)) {
      // Underline the offending part when the check names one, the whole host otherwise.
      const auto begin = static_cast<std::uint32_t>(flag.size() + problem->offset);
      const auto size = problem->length ? problem->length : options.host.size();
      Diagnostic& d = diags.error(
          "E0730", {file, begin, begin + static_cast<std::uint32_t>(size)},
          fmt::format("--host '{}' is not a hostname: {}", options.host, problem->message));
      if (!problem->suggestion.empty()) {
        d.suggestion = problem->suggestion;
        d.message += fmt::format("; did you mean '{}'?", problem->suggestion);
      }
      print_diagnostics(sources, diags, options.diagnostics, io.err);
      return kExitInvalid;
    }
  }
  std::optional<Compiled> compiled = compile_for_command(options.bottle, sources, diags, io);
  print_diagnostics(sources, diags, options.diagnostics, io.err);
  if (!compiled) return kExitInvalid;
  Explanation explanation = explain_config(provenance_input(*compiled, sources));
  const bool json = options.format == "json";
  if (host.empty()) {
    io.out << with_policy(
        json ? explain_json(explanation, sources) : explain_text(explanation, sources),
        compiled->policy, json);
    return kExitOk;
  }
  HostExplanation result = explain_host(explanation, host, compiled->evaluation.output);
  io.out << with_policy(
      json ? explain_host_json(result, sources) : explain_host_text(result, sources),
      compiled->policy, json);
  // What pipelock does with the host ("reachable" in JSON), for scripts.
  return result.reachable() ? kExitOk : kExitHostBlocked;
}

}  // namespace

Command add_explain_command(CLI::App& app) {
  auto options = std::make_shared<ExplainOptions>();
  CLI::App* command = app.add_subcommand(
      "explain",
      "say why each value of a bottle's config is there, or why a host is not; without a "
      "bottle, each field's sources and conditions for every bottle");
  // Without BOTTLE, --policy may also name a folder holding pipelock.policy.
  add_bottle_options(*command, options->bottle, false);
  command
      ->add_option("--host", options->host,
                   "explain one host: the entries and rules that allow it, or the nearest "
                   "entry and the rule that would add it; exit 3 when pipelock blocks it")
      ->type_name("HOST");
  command->add_option("--format", options->format, "text (default) or json")
      ->check(CLI::IsMember({"text", "json"}));
  add_diagnostic_options(*command, options->diagnostics);
  command->footer(
      "Exit codes: 0 ok (with --host: pipelock lets the host through), 3 with --host: "
      "pipelock blocks the host, 1 invalid input, 2 usage error.");
  return {command, [options](CommandIo& io) { return run_explain(*options, io); }};
}

}  // namespace policyc
