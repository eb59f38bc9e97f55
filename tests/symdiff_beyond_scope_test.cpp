// Completeness of the all-bottles diff (docs/review.md), checked from outside its scope:
// for every golden case under golden/symdiff/ the search calls decided (no `undecided`
// entry), bottles the scope never builds (up to five keys set, lists of up to four
// elements made by joining two of the scope's lists) go through the fleet diff, and each
// change one of them shows must be of a kind the search reported: the same output path,
// the same kind of change, the same direction. A search that misses a change fails here.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <tuple>

#include "cli/cli.hpp"
#include "pipeline/driver.hpp"
#include "pipeline/project.hpp"
#include "pipeline/symdiff/bottle_space.hpp"
#include "pipeline/symdiff/policy_diff.hpp"
#include "pipelock/diff/config_diff_report.hpp"
#include "tests/scratch_folder.hpp"

namespace fs = std::filesystem;

namespace {

const fs::path kSource = POLICYC_SOURCE_DIR;
constexpr int kBottlesPerCase = 80;

using ChangeKind = std::tuple<std::string, std::string, std::string>;  // path, change, direction

policyc::LoadedPolicy load(const fs::path& path) {
  policyc::LoadedPolicy policy;
  policyc::DiagnosticSink diags;
  policy.program = policyc::load_program(policyc::policy_entry(path.string()), policy.sources, diags);
  return policy;
}

// As the fleet diff's JSON names it, which is what the bottles' changes are read from.
ChangeKind kind_of(const policyc::ConfigChange& c) {
  const policyc::Json json = policyc::change_json(c);
  return {json["path"].get<std::string>(), json["change"].get<std::string>(),
          json["direction"].get<std::string>()};
}

nlohmann::json fleet_diff(const fs::path& old_policy, const fs::path& new_policy,
                          const std::vector<std::string>& bottles) {
  std::vector<std::string> args = {"diff", "--format", "json", "--old-policy", old_policy.string(),
                                   "--new-policy", new_policy.string()};
  args.insert(args.end(), bottles.begin(), bottles.end());
  return nlohmann::json::parse(policyc::run_cli_captured(args).out);
}

// "[a, b]" and "[c]" -> "[a, b, c]"; anything but two non-empty lists -> "".
std::string joined(const std::string& a, const std::string& b) {
  auto inner = [](const std::string& list) {
    return list.size() > 2 && list.front() == '[' ? list.substr(1, list.size() - 2) : std::string();
  };
  if (inner(a).empty() || inner(b).empty()) return "";
  return "[" + inner(a) + ", " + inner(b) + "]";
}

// Bottles of up to five keys from the scope's atoms, some lists joined two by two.
std::vector<std::string> beyond_scope(const policyc::BottleSpace& space, std::mt19937& random) {
  std::map<std::string, std::vector<const policyc::Atom*>> by_leaf;
  for (const policyc::Atom& atom : space.atoms) {
    if (!atom.param) by_leaf[atom.path].push_back(&atom);
  }
  std::vector<std::string> leaves;
  for (const auto& leaf : by_leaf) leaves.push_back(leaf.first);
  std::vector<std::string> out;
  if (leaves.empty()) return out;  // a policy without a manifest field: nothing to go beyond
  for (int n = 0; n < kBottlesPerCase; ++n) {
    std::shuffle(leaves.begin(), leaves.end(), random);
    const std::size_t keys = 1 + random() % std::min<std::size_t>(5, leaves.size());
    std::vector<policyc::Atom> chosen;
    for (std::size_t k = 0; k < keys; ++k) {
      const auto& atoms = by_leaf[leaves[k]];
      policyc::Atom atom = *atoms[random() % atoms.size()];
      const std::string longer = joined(atom.json, atoms[random() % atoms.size()]->json);
      if (!longer.empty() && random() % 2) atom.json = longer;
      chosen.push_back(atom);
    }
    policyc::Candidate candidate;
    for (const policyc::Atom& atom : chosen) candidate.atoms.push_back(&atom);
    out.push_back(candidate.bottle_yaml());
  }
  return out;
}

}  // namespace

TEST_CASE("bottles beyond the small scope show no kind of change the all-bottles diff missed") {
  policyc::testing::ScratchFolder scratch{"symdiff_beyond"};
  std::size_t checked = 0;
  for (const auto& entry : fs::directory_iterator(kSource / "golden" / "symdiff")) {
    const fs::path new_policy = entry.path() / "new" / "pipelock.policy";
    if (!fs::exists(new_policy)) continue;
    const fs::path own_old = entry.path() / "old" / "pipelock.policy";
    const fs::path old_policy = fs::exists(own_old) ? own_old : kSource / "policies" / "pipelock.policy";
    const std::string name = entry.path().filename().string();
    INFO(name);
    const policyc::LoadedPolicy before = load(old_policy);
    const policyc::LoadedPolicy after = load(new_policy);
    REQUIRE(before.program);
    REQUIRE(after.program);
    const policyc::PolicyDiff diff = policyc::diff_policies(before, after);
    if (!diff.undecided.empty()) continue;  // counted wider: nothing is claimed
    std::set<ChangeKind> reported;
    for (const policyc::PolicyChange& change : diff.changes) {
      reported.insert(kind_of(change.change));
      for (const policyc::ConfigChange& same : change.same_for) reported.insert(kind_of(same));
    }
    std::mt19937 random(static_cast<unsigned>(std::hash<std::string>{}(name)));
    const std::vector<std::string> bottles =
        beyond_scope(policyc::bottle_space(*before.program, *after.program), random);
    std::vector<std::string> files;
    for (std::size_t i = 0; i < bottles.size(); ++i) {
      const fs::path file = scratch.dir() / (name + "_" + std::to_string(i) + ".yaml");
      std::ofstream(file) << bottles[i] << "\n";
      files.push_back(file.string());
    }
    const nlohmann::json report = fleet_diff(old_policy, new_policy, files);
    // A bottle only the new policy compiles is compared with nothing (the search reports
    // it as `bottle compiles`); the reverse diff says which those are.
    const nlohmann::json reverse = fleet_diff(new_policy, old_policy, files);
    for (std::size_t i = 0; i < report["configs"].size(); ++i) {
      const nlohmann::json& config = report["configs"][i];
      if (reverse["configs"][i]["verdict"] == "failed") continue;
      for (const nlohmann::json& change : config["changes"]) {
        const ChangeKind kind{change["path"], change["change"], change["direction"]};
        INFO("bottle " << bottles[i] << ": " << change.dump());
        CHECK(reported.count(kind) == 1);
        ++checked;
      }
    }
  }
  CHECK(checked > 100);
}
