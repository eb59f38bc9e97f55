#include "fuzz/fuzz_targets.hpp"

#include <fmt/format.h>

#include <memory>
#include <sstream>
#include <optional>

#include "compiler/check/check.hpp"
#include "compiler/format/format.hpp"
#include "compiler/syntax/load.hpp"
#include "compiler/syntax/parse.hpp"
#include "fuzz/ast_dump.hpp"
#include "lsp/server.hpp"
#include "lsp/transport.hpp"
#include "pipeline/driver.hpp"
#include "pipelock/emit/render_yaml.hpp"
#include "pipelock/validate/validate_config.hpp"
#include "runtime/input/manifest_reader.hpp"
#include "runtime/input/params_reader.hpp"
#include "runtime/input/yaml_tree.hpp"

namespace policyc::fuzz {

namespace {

constexpr const char* kFuzzedPolicy = "policies/fuzzed.policy";

// The fuzzed text as an entry policy beside the shipped files, which it may import.
class FuzzedPolicySource : public PolicySource {
 public:
  explicit FuzzedPolicySource(std::string_view text) : text_(text) {}
  std::optional<std::string> read(const std::string& path, std::string& error) const override {
    if (path == kFuzzedPolicy) return std::string(text_);
    return EmbeddedSource().read(path, error);
  }

 private:
  std::string_view text_;
};

// Renders the diagnostics as the command line shows them (the first 100 with source
// lines), so positions and excerpts are exercised too.
std::string render_all(const SourceManager& sources, const DiagnosticSink& diags) {
  constexpr std::size_t kShown = 100;
  std::string out;
  std::size_t shown = 0;
  for (const Diagnostic& d : diags.sorted()) {
    if (shown++ == kShown) break;
    out += render(d, sources);
  }
  return out;
}

std::unique_ptr<ir::Program> load_fuzzed_policy(std::string_view text, SourceManager& sources,
                                                DiagnosticSink& diags) {
  std::vector<ast::PolicyFile> files =
      load_policies(kFuzzedPolicy, FuzzedPolicySource(text), sources, diags);
  if (diags.has_errors()) return nullptr;
  return check_program(std::move(files), sources, diags);
}

// The bottle every fuzzed policy is compiled with: each field of the shipped schema set.
constexpr const char* kRichBottle = R"(env:
  TOKEN: "${GH_PAT}"
git:
  - Name: repo
    Upstream: ssh://git@git.example.org/org/repo.git
    IdentityFile: /home/me/.ssh/id_ed25519
egress:
  allowlist: [pypi.org, files.pythonhosted.org, ~]
  dlp_action: warn
egress_proxy:
  routes:
    - host: api.anthropic.com
      role: claude_code_oauth
      auth: {scheme: Bearer, token_ref: OAUTH}
    - host: api.github.com
      path_allowlist: ["/repos/org/"]
supervise: true
)";

const std::vector<std::string>& fixed_params() {
  static const std::vector<std::string> params = {"ca_cert=/etc/pipelock/ca.pem",
                                                  "ca_key=/etc/pipelock/ca-key.pem",
                                                  "ssrf_ip_allowlist=172.20.0.0/16"};
  return params;
}

// A compiled config must be one that pipelock loads: `validate` must find no error in it.
std::string check_compiled(const Compiled& compiled) {
  if (compiled.yaml != render_pipelock_yaml(compiled.evaluation.output)) {
    return "rendering the same document twice gave different bytes";
  }
  SourceManager sources;
  DiagnosticSink diags;
  FileId file = sources.add("compiled.yaml", compiled.yaml);
  if (!validate_pipelock_config(sources, file, diags)) {
    return "validate refuses the compiled config:\n" + compiled.yaml + "\n" +
           render_all(sources, diags);
  }
  return "";
}

// What a compile must never do: fail without a diagnostic, or write a config that does
// not read back or that pipelock would refuse.
std::string check_result(const std::optional<Compiled>& compiled, SourceManager& sources,
                         DiagnosticSink& diags) {
  render_all(sources, diags);
  for (const Diagnostic& d : diags.all()) {
    if (d.code == "E0502") return "the emitted config does not read back: " + d.message;
  }
  if (!compiled) return diags.has_errors() ? "" : "compile failed without a diagnostic";
  return check_compiled(*compiled);
}

std::string compile_and_check(std::unique_ptr<ir::Program> program, SourceManager& sources,
                              DiagnosticSink& diags, FileId bottle,
                              const std::vector<std::string>& params) {
  std::optional<Compiled> compiled =
      compile_manifest(std::move(program), bottle, params, sources, diags);
  return check_result(compiled, sources, diags);
}

// The shipped policy and both sets of launch parameters, loaded and read once: a
// manifest input tests the manifest's path through the compiler, not the loading of
// the same policy at every input. Notes point into `sources`, so each input starts
// from a copy of it.
struct ShippedPolicy {
  SourceManager sources;
  std::unique_ptr<ir::Program> program;
  Value no_params, fixed_params;

  ShippedPolicy() {
    DiagnosticSink diags;
    program = load_program("", sources, diags);
    if (!program) return;
    no_params = read_params({}, *program->params, sources, diags);
    fixed_params = read_params(add_command_line_source(sources, policyc::fuzz::fixed_params()),
                               *program->params, sources, diags);
  }
};

const ShippedPolicy& shipped_policy() {
  static const ShippedPolicy shipped;
  return shipped;
}

}  // namespace

std::string policy_target(std::string_view input) {
  SourceManager sources;
  DiagnosticSink diags;
  std::unique_ptr<ir::Program> program = load_fuzzed_policy(input, sources, diags);
  render_all(sources, diags);
  if (!program && !diags.has_errors()) return "the policy was refused without a diagnostic";
  return "";
}

std::string manifest_target(std::string_view input) {
  if (input.empty()) return "";
  const ShippedPolicy& shipped = shipped_policy();
  SourceManager sources = shipped.sources;
  DiagnosticSink diags;
  const char* name = (input[0] & 1) ? "bottle.md" : "bottle.yaml";
  FileId file = sources.add(name, std::string(input.substr(1)));
  std::unique_ptr<YamlNode> tree = load_yaml_tree(sources, file, diags);
  if (tree) read_manifest(*tree, *shipped.program->manifest, sources, diags);
  render_all(sources, diags);
  return "";
}

std::string compile_manifest_target(std::string_view input) {
  if (input.empty()) return "";
  const ShippedPolicy& shipped = shipped_policy();
  if (!shipped.program) return "the shipped policy does not load";
  SourceManager sources = shipped.sources;
  DiagnosticSink diags;
  const char* name = (input[0] & 1) ? "bottle.md" : "bottle.yaml";
  FileId bottle = sources.add(name, std::string(input.substr(1)));
  // The second bit: with or without launch parameters.
  const Value& params = (input[0] & 2) ? shipped.fixed_params : shipped.no_params;
  std::optional<Compiled> compiled =
      compile_prepared(*shipped.program, params, bottle, sources, diags);
  return check_result(compiled, sources, diags);
}

std::string compile_policy_target(std::string_view input) {
  SourceManager sources;
  DiagnosticSink diags;
  std::unique_ptr<ir::Program> program = load_fuzzed_policy(input, sources, diags);
  if (!program) return diags.has_errors() ? "" : "the policy was refused without a diagnostic";
  FileId bottle = sources.add("bottle.yaml", kRichBottle);
  return compile_and_check(std::move(program), sources, diags, bottle, fixed_params());
}

std::string fmt_target(std::string_view input) {
  SourceManager sources;
  DiagnosticSink diags;
  FileId original = sources.add("original.policy", std::string(input));
  std::optional<std::string> formatted = format_policy(sources, original, diags);
  if (!formatted) return diags.has_errors() ? "" : "fmt failed without a diagnostic";
  DiagnosticSink again_diags;
  FileId first = sources.add("formatted.policy", *formatted);
  std::optional<std::string> twice = format_policy(sources, first, again_diags);
  if (!twice) {
    return "fmt output does not parse:\n" + *formatted + "\n" + render_all(sources, again_diags);
  }
  if (*twice != *formatted) {
    return "a second fmt changes the text:\n" + *formatted + "\n---\n" + *twice;
  }
  DiagnosticSink parse_diags;
  const std::string before = dump_ast(parse_policy(sources, original, parse_diags));
  const std::string after = dump_ast(parse_policy(sources, first, parse_diags));
  if (before != after) return "fmt changes the AST:\n" + before + "\n---\n" + after;
  return "";
}

std::string validate_target(std::string_view input) {
  SourceManager sources;
  DiagnosticSink diags;
  FileId file = sources.add("pipelock.yaml", std::string(input));
  validate_pipelock_config(sources, file, diags);
  render_all(sources, diags);
  return "";
}

std::string lsp_target(std::string_view input) {
  std::istringstream in{std::string(input)};
  std::ostringstream out;
  lsp::Server(in, out).run();
  std::istringstream sent(out.str());
  for (;;) {
    lsp::Framed framed = lsp::read_message(sent);
    if (framed.status == lsp::Framed::Status::End) return "";
    if (framed.status == lsp::Framed::Status::Malformed) return "the server wrote a bad frame";
    if (nlohmann::json::parse(framed.body, nullptr, false).is_discarded()) {
      return "the server wrote a message that is not JSON: " + framed.body;
    }
  }
}

Target find_target(std::string_view name) {
  if (name == "policy") return policy_target;
  if (name == "manifest") return manifest_target;
  if (name == "compile_manifest") return compile_manifest_target;
  if (name == "compile_policy") return compile_policy_target;
  if (name == "fmt") return fmt_target;
  if (name == "validate") return validate_target;
  if (name == "lsp") return lsp_target;
  return nullptr;
}

}  // namespace policyc::fuzz
