// Soundness of the all-bottles diff (docs/review.md): every witness of every golden case
// under golden/symdiff/, compiled by `policyc compile` under the old and the new
// policy, shows a difference (two configs that differ, or one policy refusing it).
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "base/file_text.hpp"
#include "cli/cli.hpp"
#include "tests/scratch_folder.hpp"

namespace fs = std::filesystem;

namespace {

const fs::path kSource = POLICYC_SOURCE_DIR;

policyc::CliRun compile_witness(const fs::path& bottle, const fs::path& policy,
                                const nlohmann::json& params) {
  std::vector<std::string> args = {"compile", "--policy", policy.string(), bottle.string()};
  for (const auto& param : params) {
    args.push_back("--param");
    args.push_back(param.get<std::string>());
  }
  return policyc::run_cli_captured(args);
}

}  // namespace

TEST_CASE("every witness of the all-bottles golden cases shows its difference") {
  policyc::testing::ScratchFolder scratch{"symdiff"};
  std::size_t witnesses = 0;
  for (const auto& entry : fs::directory_iterator(kSource / "golden" / "symdiff")) {
    const fs::path new_policy = entry.path() / "new" / "pipelock.policy";
    if (!fs::exists(new_policy)) continue;
    // A case with its own old policy compares against it; the others against the shipped one.
    const fs::path own_old = entry.path() / "old" / "pipelock.policy";
    const fs::path old_policy = fs::exists(own_old) ? own_old : kSource / "policies" / "pipelock.policy";
    const policyc::CliRun diff =
        policyc::run_cli_captured({"diff", "--all-bottles", "--format", "json", "--old-policy",
                                   old_policy.string(), "--new-policy", new_policy.string()});
    INFO(entry.path().filename().string());
    REQUIRE((diff.code == 0 || diff.code == 3));
    const nlohmann::json report = nlohmann::json::parse(diff.out);
    for (const auto& change : report["changes"]) {
      const fs::path bottle = scratch.dir() / "witness.yaml";
      std::ofstream(bottle) << change["witness"]["bottle"].get<std::string>() << "\n";
      const auto before = compile_witness(bottle, old_policy, change["witness"]["params"]);
      const auto after = compile_witness(bottle, new_policy, change["witness"]["params"]);
      INFO(change.dump());
      CHECK((before.code != after.code || before.out != after.out));
      ++witnesses;
    }
  }
  CHECK(witnesses >= 25);
}
