#include "cli/annotated_compile.hpp"

#include <fmt/format.h>

#include "cli/cli.hpp"
#include "pipeline/driver.hpp"
#include "pipelock/emit/emit_annotated.hpp"
#include "pipelock/emit/verify_rendered.hpp"
#include "runtime/provenance/provenance_view.hpp"

namespace policyc {

int run_annotated_compile(const BottleOptions& bottle, const DiagnosticOptions& diagnostics,
                          const std::string& output, CommandIo& io) {
  SourceManager sources;
  DiagnosticSink diags;
  std::optional<Compiled> compiled = compile_for_command(bottle, sources, diags, io);
  std::string yaml;
  if (compiled) {
    // The first line names the policy the comments below point into.
    yaml = fmt::format("# policy: {}\n", describe_policy(compiled->policy)) +
           render_annotated_yaml(provenance_input(*compiled, sources));
    // Comments must never change what pipelock reads: the same check as the plain config.
    std::string mismatch = verify_rendered_yaml(compiled->evaluation.output, yaml);
    if (!mismatch.empty()) {
      diags.error("E0502", {},
                  fmt::format("internal error: the annotated config does not read back as "
                              "intended ({}); nothing was written",
                              mismatch));
      compiled.reset();
    }
  }
  print_diagnostics(sources, diags, diagnostics, io.err);
  if (!compiled) return kExitInvalid;
  return write_output(output, yaml, bottle.bottle, diagnostics, io);
}

}  // namespace policyc
