// .pre-commit-hooks.yaml: each hook names a real command and real options, and runs
// as pre-commit runs it (its entry, then the staged files its `files` pattern picks)
// with the right verdict on good and on bad policies.
#include <unistd.h>
#include <yaml-cpp/yaml.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>

#include "base/file_text.hpp"
#include "tests/cli_help_support.hpp"
#include "tests/scratch_folder.hpp"

using namespace policyc::testing;
namespace fs = std::filesystem;

namespace {

struct Hook {
  std::string id;
  std::vector<std::string> entry;  // the words after `policyc`
  std::vector<std::string> args;   // pre-commit puts them after the entry
  std::string files;               // Python regex, searched in each repository path
  bool pass_filenames = true;
};

std::vector<Hook> hooks() {
  YAML::Node yaml = YAML::Load(read_source(".pre-commit-hooks.yaml"));
  REQUIRE(yaml.IsSequence());
  std::vector<Hook> result;
  for (const YAML::Node& node : yaml) {
    for (const char* key : {"id", "name", "description", "entry", "language", "files"}) {
      INFO("hook key " << key);
      REQUIRE(node[key].IsScalar());
    }
    Hook hook;
    hook.id = node["id"].as<std::string>();
    INFO("hook " << hook.id);
    CHECK(node["language"].as<std::string>() == "system");
    std::istringstream words(node["entry"].as<std::string>());
    std::string word;
    words >> word;
    CHECK(word == "policyc");
    while (words >> word) hook.entry.push_back(word);
    hook.files = node["files"].as<std::string>();
    if (node["args"]) hook.args = node["args"].as<std::vector<std::string>>();
    if (node["pass_filenames"]) hook.pass_filenames = node["pass_filenames"].as<bool>();
    result.push_back(hook);
  }
  return result;
}

// Runs a hook the way pre-commit does: in the repository root, its entry, its args,
// then the paths of `staged` that its pattern matches (none: the hook is skipped).
CliRun run_hook(const Hook& hook, const fs::path& root, const std::vector<std::string>& staged) {
  std::vector<std::string> args = hook.entry;
  args.insert(args.end(), hook.args.begin(), hook.args.end());
  bool any = false;
  for (const std::string& path : staged) {
    if (!std::regex_search(path, std::regex(hook.files))) continue;
    any = true;
    if (hook.pass_filenames) args.push_back(path);
  }
  if (!any) return {0, "", ""};
  policyc::WorkingDirectory in(root);
  return run_policyc(args);
}

// A scratch checkout holding a copy of the shipped policies.
class TempRepo {
 public:
  TempRepo() {
    fs::create_directories(scratch_.dir() / "policies");
    for (const auto& entry : fs::directory_iterator(fs::path(POLICYC_SOURCE_DIR) / "policies")) {
      fs::copy_file(entry.path(), scratch_.dir() / "policies" / entry.path().filename());
    }
  }
  const fs::path& path() const { return scratch_.dir(); }
  void write(const std::string& relative, const std::string& text) const {
    std::ofstream(scratch_.dir() / relative, std::ios::binary) << text;
  }

 private:
  policyc::testing::ScratchFolder scratch_{"hooks"};
};

const Hook& hook_named(const std::vector<Hook>& all, const std::string& id) {
  for (const Hook& hook : all) {
    if (hook.id == id) return hook;
  }
  FAIL("no hook " << id);
  return all.front();
}

}  // namespace

TEST_CASE(".pre-commit-hooks.yaml names real commands and options") {
  const std::vector<std::string> names = commands();
  std::set<std::string> ids;
  for (const Hook& hook : hooks()) {
    INFO("hook " << hook.id);
    CHECK(ids.insert(hook.id).second);
    REQUIRE(!hook.entry.empty());
    REQUIRE(std::find(names.begin(), names.end(), hook.entry[0]) != names.end());
    const std::vector<std::string> options = options_of({hook.entry[0]});
    for (std::size_t i = 1; i < hook.entry.size(); ++i) {
      INFO("option " << hook.entry[i]);
      CHECK(std::find(options.begin(), options.end(), hook.entry[i]) != options.end());
    }
  }
  CHECK(ids == std::set<std::string>{"policyc-check", "policyc-fmt", "policyc-test"});
}

TEST_CASE("the fmt and check hooks pass the shipped policies and stop bad ones") {
  const std::vector<Hook> all = hooks();
  const Hook& fmt = hook_named(all, "policyc-fmt");
  const Hook& check = hook_named(all, "policyc-check");
  TempRepo repo;
  const std::vector<std::string> shipped = {"policies/bottle.policy", "policies/defaults.policy",
                                            "policies/pipelock.policy", "README.md"};
  for (const Hook* hook : {&fmt, &check}) {
    INFO(hook->id);
    CliRun run = run_hook(*hook, repo.path(), shipped);
    CHECK(run.err == "");
    CHECK(run.code == 0);
  }
  // Only a file that others import changed: it is checked with them, so it passes.
  CHECK(run_hook(check, repo.path(), {"policies/defaults.policy"}).code == 0);
  // A change to no policy runs neither.
  CHECK(run_hook(check, repo.path(), {"README.md"}).code == 0);

  // Valid, but not in the canonical layout: fmt stops it.
  const std::string defaults = read_source("policies/defaults.policy");
  repo.write("policies/defaults.policy", defaults + "const   MORE : list<hostname> = []\n");
  CHECK(run_hook(fmt, repo.path(), {"policies/defaults.policy"}).code == 1);
  // Canonical, but a type error in an imported file: check stops it, with the
  // compiler's diagnostic at the line.
  repo.write("policies/defaults.policy", defaults + "const PORT: int = \"eighty\"\n");
  CHECK(run_hook(fmt, repo.path(), {"policies/defaults.policy"}).code == 0);
  CliRun broken = run_hook(check, repo.path(), {"policies/defaults.policy"});
  CHECK(broken.code == 1);
  CHECK(broken.err.find("defaults.policy:23:19: error: constant 'PORT' expects int") !=
        std::string::npos);
}

TEST_CASE("the test hook runs the golden cases, without file names") {
  const std::vector<Hook> all = hooks();
  const Hook& hook = hook_named(all, "policyc-test");
  CHECK_FALSE(hook.pass_filenames);
  CHECK(std::regex_search("golden/pipelock/warn/bottle.yaml", std::regex(hook.files)));
  CHECK(std::regex_search("policies/pipelock.policy", std::regex(hook.files)));
  CHECK_FALSE(std::regex_search("README.md", std::regex(hook.files)));
  // In a repository whose golden/ holds one passing case.
  TempRepo repo;
  fs::create_directories(repo.path() / "golden/one");
  repo.write("golden/one/bottle.yaml", "{}\n");
  const fs::path saved = fs::current_path();
  fs::current_path(repo.path() / "golden/one");
  CliRun expected = run_policyc({"compile", "bottle.yaml"});
  fs::current_path(saved);
  repo.write("golden/one/expected.yaml", expected.out);
  CliRun run = run_hook(hook, repo.path(), {"golden/one/bottle.yaml"});
  CHECK(run.out == "1 passed, 0 failed (policy: shipped policies/pipelock.policy)\n");
  CHECK(run.code == 0);
  repo.write("golden/one/expected.yaml", "version: 0\n");
  CHECK(run_hook(hook, repo.path(), {"golden/one/bottle.yaml"}).code == 1);
}
