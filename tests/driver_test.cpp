// The compile pipeline after the policy (pipeline/driver.hpp): compile_manifest reads the
// parameters and hands the rest to compile_prepared, as batch mode runs it.
#include <catch2/catch.hpp>

#include "pipeline/driver.hpp"
#include "runtime/input/params_reader.hpp"
#include "tests/policy_test_support.hpp"

using namespace policyc;

namespace {

const std::string kPolicy = R"(manifest bottle {
  hosts: list<hostname> = []
}
params {
  mode: enum("strict", "balanced") = "strict"
}
set allowlist: hostname
rule r { allowlist += bottle.hosts }
output pipelock {
  mode = params.mode
  api_allowlist = allowlist
}
)";

std::string rendered(const DiagnosticSink& diags, const SourceManager& sources) {
  std::string out;
  for (const Diagnostic& d : diags.sorted()) out += render(d, sources);
  return out;
}

}  // namespace

TEST_CASE("driver: compile_manifest and compile_prepared make the same config") {
  auto checked = testing::check_files({{"main.policy", kPolicy}});
  REQUIRE(checked->program);
  const FileId bottle = checked->sources.add("bottle.yaml", "hosts: [b.example, a.example]\n");
  DiagnosticSink diags;
  std::vector<SourceRange> ranges = add_command_line_source(checked->sources, {"mode=balanced"});
  const Value params = read_params(ranges, *checked->program->params, checked->sources, diags);
  auto prepared = compile_prepared(*checked->program, params, bottle, checked->sources, diags);
  REQUIRE(prepared);
  CHECK(prepared->program == nullptr);

  auto compiled = compile_manifest(std::move(checked->program), bottle, {"mode=balanced"},
                                   checked->sources, diags);
  REQUIRE(compiled);
  CHECK(compiled->program != nullptr);
  CHECK(compiled->yaml == prepared->yaml);
  CHECK(compiled->yaml == "mode: balanced\n\napi_allowlist:\n  - \"a.example\"\n  - \"b.example\"\n");
  CHECK(diags.all().empty());
}

TEST_CASE("driver: a bad manifest and a bad parameter are both reported, the manifest's first") {
  auto checked = testing::check_files({{"main.policy", kPolicy}});
  REQUIRE(checked->program);
  const FileId bottle = checked->sources.add("bottle.yaml", "hosts: [\"not a host\"]\n");
  DiagnosticSink diags;
  auto compiled = compile_manifest(std::move(checked->program), bottle, {"mode=loose"},
                                   checked->sources, diags);
  CHECK_FALSE(compiled);
  const std::string text = rendered(diags, checked->sources);
  INFO(text);
  REQUIRE(diags.all().size() == 2);
  CHECK(text.find("bottle.yaml:1:") == 0);
  CHECK(text.find("<command line>") != std::string::npos);
  CHECK(text.find("bottle.yaml") < text.find("<command line>"));
}
