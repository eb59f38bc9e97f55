// `compile --annotate` only ever adds comments, on every golden bottle; `test --update`
// rewrites exactly the expected files that differ; docs/review.md shows the real workflow.
#include <yaml-cpp/yaml.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>

#include "base/file_text.hpp"
#include "cli/golden.hpp"
#include "cli/cli.hpp"
#include "tests/scratch_folder.hpp"

namespace fs = std::filesystem;

namespace {

policyc::CliRun run(const std::vector<std::string>& args, const fs::path& in = fs::current_path()) {
  policyc::WorkingDirectory folder(in);
  return policyc::run_cli_captured(args);
}

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// The arguments of a golden case that compiles one bottle to stdout successfully.
std::optional<std::vector<std::string>> compile_arguments(const fs::path& folder) {
  if (fs::exists(folder / "expected.exit") || !fs::exists(folder / "expected.yaml")) return {};
  std::vector<std::string> args = policyc::golden_case_arguments(folder);
  if (args.empty() || args[0] != "compile") return {};
  for (const std::string& arg : args) {
    if (arg.rfind("-", 0) == 0 && arg != "--param" && arg != "--policy") return {};
  }
  return args;
}

}  // namespace

TEST_CASE(
    "compile --annotate adds a comment to lines of the exact reference config, nothing else") {
  std::size_t compared = 0;
  const fs::path golden = fs::path(POLICYC_SOURCE_DIR) / "golden" / "pipelock";
  for (const auto& entry : fs::directory_iterator(golden)) {
    std::optional<std::vector<std::string>> args = compile_arguments(entry.path());
    if (!args) continue;
    args->insert(args->begin() + 1, "--annotate");
    policyc::CliRun annotated = run(*args, entry.path());
    INFO(entry.path().string() << "\n" << annotated.err);
    REQUIRE(annotated.code == 0);
    const std::vector<std::string> plain = split_lines(policyc::read_file_text(entry.path() / "expected.yaml"));
    std::vector<std::string> lines = split_lines(annotated.out);
    // The first line names the policy: this repository's, as the case is in it.
    REQUIRE(!lines.empty());
    CHECK(lines[0] == "# policy: policies/pipelock.policy of project ../../..");
    lines.erase(lines.begin());
    REQUIRE(lines.size() == plain.size());
    for (std::size_t i = 0; i < lines.size(); ++i) {
      INFO(lines[i]);
      REQUIRE(lines[i].compare(0, plain[i].size(), plain[i]) == 0);
      const std::string rest = lines[i].substr(plain[i].size());
      CHECK((rest.empty() || rest.rfind("  # ", 0) == 0));
      // Every value line names its source; only keys of sections and lists may not.
      if (rest.empty()) CHECK((plain[i].empty() || plain[i].back() == ':'));
    }
    ++compared;
  }
  CHECK(compared >= 15);
}

TEST_CASE("test --update rewrites the expected files that differ, and says which") {
  const policyc::testing::ScratchFolder scratch("review");
  const fs::path& dir = scratch.dir();
  fs::create_directories(dir / "case");
  std::ofstream(dir / "case" / "args") << "validate\npipelock.yaml\n";
  std::ofstream(dir / "case" / "pipelock.yaml") << "mode: strict\napi_allowlist: []\n";
  std::ofstream(dir / "case" / "expected.yaml") << "stale\n";

  policyc::CliRun failing = run({"test", (dir / "case").string()});
  CHECK(failing.code == 1);
  CHECK(failing.out.find("+++ stdout\n@@ -1 +0,0 @@\n-stale\n") != std::string::npos);
  CHECK(failing.out.find("0 passed, 1 failed (policy: shipped policies/pipelock.policy)\n") !=
        std::string::npos);

  policyc::CliRun update = run({"test", "--update", (dir / "case").string()});
  CHECK(update.code == 0);
  const std::string case_dir = (dir / "case").string();
  CHECK(update.out == "updated " + case_dir + "/expected.yaml\nupdated " + case_dir +
                          "/expected.stderr\nupdated " + case_dir +
                          "/expected.exit\n1 passed, 0 failed (policy: shipped policies/pipelock.policy)\n");
  CHECK_FALSE(fs::exists(dir / "case" / "expected.yaml"));  // nothing on stdout: removed
  CHECK(policyc::read_file_text(dir / "case" / "expected.exit") == "1\n");

  policyc::CliRun again = run({"test", "--update", (dir / "case").string()});
  CHECK(again.out == "1 passed, 0 failed (policy: shipped policies/pipelock.policy)\n");
  CHECK(run({"test", (dir / "case").string()}).code == 0);
}

TEST_CASE("test refuses an expected.exit that is not a number") {
  const policyc::testing::ScratchFolder scratch("review");
  const fs::path& dir = scratch.dir();
  std::ofstream(dir / "args") << "validate\npipelock.yaml\n";
  std::ofstream(dir / "pipelock.yaml") << "mode: audit\n";
  std::ofstream(dir / "expected.yaml") << "pipelock.yaml: valid pipelock 2.3.0 config\n";
  std::ofstream(dir / "expected.exit") << "one\n";
  policyc::CliRun result = run({"test", dir.string()});
  CHECK(result.code == 1);
  CHECK(result.out.find("/expected.exit: expected an exit code and a newline\n") !=
        std::string::npos);
}

TEST_CASE("docs/review.md shows the CI workflow file as it is, and the file is YAML") {
  const fs::path docs = fs::path(POLICYC_SOURCE_DIR) / "docs";
  const std::string workflow = policyc::read_file_text(docs / "ci" / "policy-review.yml");
  REQUIRE_FALSE(workflow.empty());
  CHECK(policyc::read_file_text(docs / "review.md").find("```yaml\n" + workflow + "```\n") != std::string::npos);
  const YAML::Node parsed = YAML::Load(workflow);
  const YAML::Node steps = parsed["jobs"]["review"]["steps"];
  REQUIRE(steps.IsSequence());
  std::string commands;
  for (const YAML::Node& step : steps) {
    if (step["run"]) commands += step["run"].as<std::string>();
  }
  CHECK(commands.find("build/policyc test golden") != std::string::npos);
  CHECK(commands.find("build/policyc diff --old-policy") != std::string::npos);
}
