#include "compiler/commands.hpp"

namespace policyc {

void add_bottle_options(CLI::App& command, BottleOptions& options) {
  command
      .add_option("BOTTLE", options.bottle, "bottle manifest: YAML, or Markdown with YAML front matter")
      ->required();
  command.add_option("--policy", options.policy,
                     "entry policy file (default: the shipped policies/pipelock.policy)");
  command
      .add_option("--param", options.params,
                  "launch parameter NAME=VALUE; repeat for each value of a list")
      ->type_name("NAME=VALUE");
}

void add_diagnostic_options(CLI::App& command, DiagnosticOptions& options) {
  command.add_option("--color", options.color, "color diagnostics: auto, always or never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
}

void print_diagnostics(const SourceManager& sources, const DiagnosticSink& diags,
                       const DiagnosticOptions& options, std::ostream& err) {
  RenderOptions render_options;
  render_options.color = options.color == "always";
  for (const Diagnostic& d : diags.sorted()) err << render(d, sources, render_options);
}

}  // namespace policyc
