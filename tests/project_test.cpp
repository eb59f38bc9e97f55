// Policy projects (pipeline/project.hpp): the nearest policyc.yaml chooses the policy, so
// editing a project's policy changes what `policyc test` reports; `policyc init` writes a
// project that passes its own test; `test --update` writes safely.
#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "cli/cli.hpp"
#include "base/file_text.hpp"
#include "tests/child_process.hpp"
#include "tests/scratch_folder.hpp"

namespace fs = std::filesystem;

namespace {

const fs::path kSource(POLICYC_SOURCE_DIR);

policyc::CliRun run_in(const fs::path& folder, const std::vector<std::string>& args) {
  policyc::WorkingDirectory in(folder);
  return policyc::run_cli_captured(args);
}

void write(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

// A copy of this repository's project: its policyc.yaml, policies and one golden case.
void copy_repository_project(const fs::path& to) {
  fs::copy_file(kSource / "policyc.yaml", to / "policyc.yaml");
  fs::copy(kSource / "policies", to / "policies");
  fs::create_directories(to / "golden");
  fs::copy(kSource / "golden" / "pipelock" / "defaults_only", to / "golden" / "defaults_only");
}

void add_default_host(const fs::path& project, const std::string& host) {
  const fs::path defaults = project / "policies" / "defaults.policy";
  std::string text = policyc::read_file_text(defaults);
  const std::string anchor = "  \"api.anthropic.com\",\n";
  const std::size_t at = text.find(anchor);
  REQUIRE(at != std::string::npos);
  text.insert(at, "  \"" + host + "\",\n");
  write(defaults, text);
}

}  // namespace

TEST_CASE("editing a project's policy makes test fail, and --update rewrites the case") {
  const policyc::testing::ScratchFolder scratch("project");
  copy_repository_project(scratch.dir());
  policyc::CliRun before = run_in(scratch.dir(), {"test"});
  INFO(before.out << before.err);
  CHECK(before.code == 0);
  CHECK(before.out == "1 passed, 0 failed (policy: policies/pipelock.policy of project .)\n");

  add_default_host(scratch.dir(), "added.example.com");
  policyc::CliRun failing = run_in(scratch.dir(), {"test"});
  CHECK(failing.code == 1);
  CHECK(failing.out.rfind("FAIL golden/defaults_only\n", 0) == 0);
  CHECK(failing.out.find("\n+  - \"added.example.com\"\n") != std::string::npos);
  CHECK(failing.out.find("0 passed, 1 failed (policy: policies/pipelock.policy of project .)\n") !=
        std::string::npos);

  policyc::CliRun update = run_in(scratch.dir(), {"test", "--update"});
  CHECK(update.code == 0);
  CHECK(update.out ==
        "updated golden/defaults_only/expected.yaml\n"
        "1 passed, 0 failed (policy: policies/pipelock.policy of project .)\n");
  CHECK(policyc::read_file_text(scratch.dir() / "golden/defaults_only/expected.yaml")
            .find("  - \"added.example.com\"\n") != std::string::npos);
  CHECK(run_in(scratch.dir(), {"test"}).code == 0);
}

TEST_CASE(
    "the policy: --policy, else the bottle's project, else the current folder's, else shipped") {
  const policyc::testing::ScratchFolder scratch("project");
  const fs::path project = scratch.dir() / "project";
  fs::create_directories(project);
  copy_repository_project(project);
  add_default_host(project, "project.example.com");
  write(project / "bottles" / "a.yaml", "{}\n");
  write(scratch.dir() / "outside" / "b.yaml", "{}\n");
  auto hosts_of = [](const policyc::CliRun& run) {
    return run.out.find("project.example.com") != std::string::npos;
  };

  // The bottle's project, from anywhere; a project beside the current folder is named by
  // its absolute path.
  policyc::CliRun from_outside =
      run_in(scratch.dir() / "outside", {"compile", "--verbose", "../project/bottles/a.yaml"});
  CHECK(from_outside.err == "policyc: policy: policies/pipelock.policy of project " +
                                fs::weakly_canonical(project).string() + "\n");
  CHECK(hosts_of(from_outside));
  // A bottle in no project: the current folder's project.
  policyc::CliRun bottle_outside =
      run_in(project / "bottles", {"compile", "--verbose", "../../outside/b.yaml"});
  CHECK(bottle_outside.err == "policyc: policy: policies/pipelock.policy of project ..\n");
  CHECK(hosts_of(bottle_outside));
  // Neither: the shipped policies.
  policyc::CliRun shipped = run_in(scratch.dir() / "outside", {"compile", "--verbose", "b.yaml"});
  CHECK(shipped.err == "policyc: policy: shipped policies/pipelock.policy\n");
  CHECK_FALSE(hosts_of(shipped));
  // --policy wins over the project.
  const std::string repository_policy = (kSource / "policies" / "pipelock.policy").string();
  policyc::CliRun option =
      run_in(project, {"compile", "--verbose", "--policy", repository_policy, "bottles/a.yaml"});
  CHECK(option.err == "policyc: policy: " + repository_policy + " (--policy)\n");
  CHECK_FALSE(hosts_of(option));
  CHECK(option.out == shipped.out);
}

TEST_CASE("diff takes policy files, and the project's bottles when none are given") {
  const policyc::testing::ScratchFolder scratch("project");
  copy_repository_project(scratch.dir());
  write(scratch.dir() / "policyc.yaml", "bottles:\n  - bottles/*.yaml\n");
  write(scratch.dir() / "bottles" / "a.yaml", "{}\n");
  write(scratch.dir() / "bottles" / "b.yaml", "egress:\n  allowlist: [pypi.org]\n");
  fs::copy(scratch.dir() / "policies", scratch.dir() / "old");
  add_default_host(scratch.dir(), "wider.example.com");  // in policies/, the new policy
  policyc::CliRun diff = run_in(scratch.dir(), {"diff", "--old-policy", "old/pipelock.policy",
                                                "--new-policy", "policies/pipelock.policy"});
  INFO(diff.err);
  CHECK(diff.code == 3);
  CHECK(diff.out.find("bottles/a.yaml") != std::string::npos);
  CHECK(diff.out.find("bottles/b.yaml") != std::string::npos);
  CHECK(diff.out.find("wider.example.com") != std::string::npos);
}

TEST_CASE("init writes a project whose test passes, and refuses a folder that is not empty") {
  const policyc::testing::ScratchFolder scratch("project");
  const fs::path project = scratch.dir() / "new";
  policyc::CliRun init = run_in(scratch.dir(), {"init", "new"});
  INFO(init.out << init.err);
  CHECK(init.code == 0);
  CHECK(init.err == "");
  CHECK(init.out ==
        "wrote new/policyc.yaml\n"
        "wrote new/policies/bottle.policy\n"
        "wrote new/policies/defaults.policy\n"
        "wrote new/policies/pipelock.policy\n"
        "wrote new/golden/example/bottle.yaml\n"
        "wrote new/golden/example/expected.yaml\n"
        "next: cd new && policyc test\n");
  for (const char* name : {"pipelock.policy", "defaults.policy", "bottle.policy"}) {
    CHECK(policyc::read_file_text(project / "policies" / name) ==
          policyc::read_file_text(kSource / "policies" / name));
  }
  policyc::CliRun test = run_in(project, {"test"});
  CHECK(test.code == 0);
  CHECK(test.out == "1 passed, 0 failed (policy: policies/pipelock.policy of project .)\n");
  CHECK(policyc::read_file_text(project / "golden/example/expected.yaml")
            .find("  - \"pypi.org\"\n") != std::string::npos);

  policyc::CliRun again = run_in(scratch.dir(), {"init", "new"});
  CHECK(again.code == 1);
  CHECK(again.out == "");
  CHECK(again.err ==
        "policyc: error: 'new' is not an empty folder; init writes a project only into an "
        "empty or new folder\n");
}

TEST_CASE("test --update refuses an expected file that is a symbolic link") {
  const policyc::testing::ScratchFolder scratch("project");
  write(scratch.dir() / "outside.txt", "untouched\n");
  write(scratch.dir() / "case" / "args", "validate\npipelock.yaml\n");
  write(scratch.dir() / "case" / "pipelock.yaml", "mode: strict\napi_allowlist: [a.example]\n");
  fs::create_symlink("../outside.txt", scratch.dir() / "case" / "expected.yaml");
  policyc::CliRun update = run_in(scratch.dir(), {"test", "--update", "case"});
  CHECK(update.code == 1);
  CHECK(update.out ==
        "FAIL case\ncannot write 'case/expected.yaml': it is a symbolic link; give the path of "
        "the real file\n0 passed, 1 failed (policy: shipped policies/pipelock.policy)\n");
  CHECK(policyc::read_file_text(scratch.dir() / "outside.txt") == "untouched\n");
  CHECK(fs::is_symlink(scratch.dir() / "case" / "expected.yaml"));
}

TEST_CASE("test --update in a read-only case folder fails and says which writes failed") {
  const policyc::testing::ScratchFolder scratch("project");
  const fs::path case_dir = scratch.dir() / "case";
  write(case_dir / "args", "validate\npipelock.yaml\n");
  write(case_dir / "pipelock.yaml", "mode: strict\napi_allowlist: [a.example]\n");
  ::chmod(scratch.dir().c_str(), 0755);
  ::chmod(case_dir.c_str(), 0555);
  // Root ignores permission bits, so the update runs as an unprivileged user.
  const std::string result = policyc::testing::in_child([&] {
    if (::geteuid() == 0 && (::setgid(65534) != 0 || ::setuid(65534) != 0)) {
      return std::string("cannot drop root");
    }
    policyc::CliRun run = run_in(scratch.dir(), {"test", "--update", "case"});
    return std::to_string(run.code) + "\n" + run.out;
  });
  CHECK(result ==
        "1\nFAIL case\ncannot write 'case/expected.yaml': Permission denied (creating a "
        "temporary file beside it)\n0 passed, 1 failed (policy: shipped "
        "policies/pipelock.policy)\n");
  CHECK_FALSE(fs::exists(case_dir / "expected.yaml"));
}

TEST_CASE("check without paths checks the project's policy, named relative to its root") {
  const policyc::testing::ScratchFolder scratch("project");
  copy_repository_project(scratch.dir());
  CHECK(run_in(scratch.dir() / "golden", {"check"}).code == 0);
  const fs::path defaults = scratch.dir() / "policies" / "defaults.policy";
  write(defaults, policyc::read_file_text(defaults) + "const PORT: int = \"eighty\"\n");
  policyc::CliRun broken = run_in(scratch.dir() / "golden", {"check"});
  CHECK(broken.code == 1);
  CHECK(broken.err.find("policies/defaults.policy:23:19: error: constant 'PORT' expects int") !=
        std::string::npos);
}

TEST_CASE("batch compilation uses the project of its first input") {
  const policyc::testing::ScratchFolder scratch("project");
  const fs::path project = scratch.dir() / "project";
  fs::create_directories(project);
  copy_repository_project(project);
  add_default_host(project, "project.example.com");
  write(project / "bottles" / "a.yaml", "{}\n");
  write(project / "bottles" / "b.yaml", "{}\n");
  policyc::CliRun batch = run_in(scratch.dir(), {"compile", "--out-dir", "out", "project/bottles"});
  INFO(batch.err);
  CHECK(batch.code == 0);
  for (const char* name : {"a.yaml", "b.yaml"}) {
    CHECK(policyc::read_file_text(scratch.dir() / "out" / name).find("project.example.com") !=
          std::string::npos);
  }
}
