// Reports cannot be forged (issue 11, section 4): a file name with a newline or a
// terminal escape is shown in `diff` and `explain` text as diagnostics show it
// (printable_text), while JSON keeps it exact. Git cannot hold such names well, so the
// files are made here, in a scratch folder.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "cli/cli.hpp"
#include "base/file_text.hpp"
#include "tests/scratch_folder.hpp"

using namespace policyc;
namespace fs = std::filesystem;

namespace {

struct TempFolder {
  testing::ScratchFolder folder{"escaping"};
  WorkingDirectory in{folder.dir()};
};

const std::string kGood = "egress:\n  allowlist: [pypi.org]\n";
const std::string kPolicies = std::string(POLICYC_SOURCE_DIR) + "/policies";

}  // namespace

TEST_CASE("diff: a bottle name cannot add a verdict line or an escape to the report") {
  TempFolder temp;
  fs::create_directory("forge");
  const std::string name = "forge/a.yaml: same\nverdict: same\x1b[8m";
  std::ofstream(name) << kGood;
  CliRun text =
      run_cli_captured({"diff", "--old-policy", kPolicies, "--new-policy", kPolicies, name});
  CHECK(text.code == 0);
  CHECK(text.out ==
        "forge/a.yaml: same<U+000A>verdict: same<U+001B>[8m: same\n"
        "verdict: same\n");
  CliRun json = run_cli_captured(
      {"diff", "--format", "json", "--old-policy", kPolicies, "--new-policy", kPolicies, name});
  CHECK(json.code == 0);
  CHECK(json.out.find(R"("name": "forge/a.yaml: same\nverdict: same\u001b[8m")") !=
        std::string::npos);
}

TEST_CASE("explain: a bottle name cannot set the terminal title or clear the screen") {
  TempFolder temp;
  const std::string name = "b\x1b]0;pwned\x07\x1b[2J.yaml";
  std::ofstream(name) << kGood;
  CliRun host = run_cli_captured({"explain", name, "--host", "pypi.org"});
  CHECK(host.code == 0);
  CHECK(host.out.find('\x1b') == std::string::npos);
  CHECK(host.out.find("egress.allowlist[0] (b<U+001B>]0;pwned<U+0007><U+001B>[2J.yaml:2)") !=
        std::string::npos);
  CliRun all = run_cli_captured({"explain", name});
  CHECK(all.code == 0);
  CHECK(all.out.find('\x1b') == std::string::npos);
  CHECK(all.out.find("(b<U+001B>]0;pwned<U+0007><U+001B>[2J.yaml:2)") != std::string::npos);
  CliRun json = run_cli_captured({"explain", "--format", "json", name});
  CHECK(json.out.find(R"("file": "b\u001b]0;pwned\u0007\u001b[2J.yaml")") != std::string::npos);
}

TEST_CASE("test: a case folder name cannot add a line or an escape to the report") {
  TempFolder temp;
  const std::string name = "case\x1b[2J\nok";
  fs::create_directory(name);
  std::ofstream(name + "/bottle.yaml") << kGood;
  std::ofstream(name + "/expected.yaml") << "not the config\n";
  CliRun run = run_cli_captured({"test", "."});
  CHECK(run.code == 1);
  CHECK(run.out.find('\x1b') == std::string::npos);
  CHECK(run.out.find("FAIL ./case<U+001B>[2J<U+000A>ok\n") != std::string::npos);
  CHECK(run.out.find("--- ./case<U+001B>[2J<U+000A>ok/expected.yaml") != std::string::npos);
}
