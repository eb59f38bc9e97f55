// `policyc migrate --write` on real files (a golden case cannot rewrite its own bottle and
// still pass the next run), and the byte-identical config of a bottle read through old keys.
#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "base/file_text.hpp"
#include "cli/cli.hpp"
#include "tests/scratch_folder.hpp"

namespace fs = std::filesystem;
using policyc::CliRun;
using policyc::read_file_text;
using policyc::run_cli_captured;
using Scratch = policyc::testing::ScratchFolder;

namespace {

const std::string kPolicy =
    (fs::path(POLICYC_SOURCE_DIR) / "golden" / "language" / "_renamed" / "renamed.policy").string();

void write(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

CliRun migrate(std::vector<std::string> args) {
  args.insert(args.begin(), {"migrate", "--policy", kPolicy});
  return run_cli_captured(args);
}

}  // namespace

TEST_CASE("migrate --write renames the keys of a YAML bottle, comments, quoting and mode kept") {
  Scratch scratch("migrate");
  const std::string bottle = scratch.path("bottle.yaml");
  write(bottle,
        "# before the rename\n"
        "'egress_proxy':  # quoted\n"
        "  routes:\n"
        "    - {host: api.github.com, \"token_ref\": GH}   # flow style\n"
        "supervise: true\n");
  REQUIRE(::chmod(bottle.c_str(), 0640) == 0);
  CliRun run = migrate({"--write", bottle});
  CHECK(run.err == "");
  CHECK(run.out == bottle + ":2:2: renamed 'egress_proxy' to 'egress'\n" + bottle +
                       ":4:31: renamed 'token_ref' to 'token'\n");
  CHECK(run.code == 0);
  CHECK(read_file_text(bottle) ==
        "# before the rename\n"
        "'egress':  # quoted\n"
        "  routes:\n"
        "    - {host: api.github.com, \"token\": GH}   # flow style\n"
        "supervise: true\n");
  struct stat st {};
  REQUIRE(::stat(bottle.c_str(), &st) == 0);
  CHECK((st.st_mode & 07777) == 0640);
  CHECK(scratch.entries() == std::vector<std::string>{"bottle.yaml"});  // no temporary left

  // Done: nothing left to rename, with or without --write.
  CHECK(migrate({"--write", bottle}).out == "");
  CliRun again = migrate({bottle});
  CHECK(again.code == 0);
  CHECK(again.out == "");
  CHECK(again.err == "");
}

TEST_CASE("migrate --write edits only the front matter of a Markdown bottle") {
  Scratch scratch("migrate");
  const std::string bottle = scratch.path("bottle.md");
  write(bottle,
        "---\n"
        "egress_proxy:   # the routes\n"
        "  routes: []\n"
        "---\n"
        "egress_proxy: in the notes, not read\n");
  CliRun run = migrate({"--write", bottle});
  CHECK(run.code == 0);
  CHECK(run.out == bottle + ":2:1: renamed 'egress_proxy' to 'egress'\n");
  CHECK(read_file_text(bottle) ==
        "---\n"
        "egress:   # the routes\n"
        "  routes: []\n"
        "---\n"
        "egress_proxy: in the notes, not read\n");
}

TEST_CASE("migrate --write refuses a FIFO before reading it, and leaves a bottle with errors") {
  Scratch scratch("migrate");
  const std::string fifo = scratch.path("bottle.yaml");
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  CliRun run = migrate({"--write", fifo});
  CHECK(run.code == 1);
  CHECK(run.err == "policyc: error: cannot write '" + fifo +
                       "': it is a FIFO (named pipe), not a regular file [E0317]\n");

  const std::string both = scratch.path("both.yaml");
  const std::string text = "egress: {}\negress_proxy: {}\n";
  write(both, text);
  CliRun refused = migrate({"--write", both});
  CHECK(refused.code == 1);
  CHECK(refused.out == "");
  CHECK(refused.err.find("[E0316]") != std::string::npos);
  CHECK(read_file_text(both) == text);
}

TEST_CASE("a bottle read through old keys compiles to the config of the new keys, byte for byte") {
  Scratch scratch("migrate");
  write(scratch.path("old.yaml"),
        "egress_proxy:\n  routes:\n    - host: api.github.com\n      token_ref: T\n");
  write(scratch.path("new.yaml"), "egress:\n  routes:\n    - host: api.github.com\n      token: T\n");
  CliRun old_keys = run_cli_captured({"compile", "--policy", kPolicy, scratch.path("old.yaml")});
  CliRun new_keys = run_cli_captured({"compile", "--policy", kPolicy, scratch.path("new.yaml")});
  CHECK(old_keys.code == 0);
  CHECK(new_keys.err == "");
  CHECK(old_keys.err.find("[W0330]") != std::string::npos);
  REQUIRE_FALSE(new_keys.out.empty());
  CHECK(old_keys.out == new_keys.out);
}
