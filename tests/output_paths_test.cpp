// Files on the security boundary (issue 11, section 2): `-o` and `--out-dir` replace
// only regular files, never the bottle being compiled; `-` is standard input or output;
// an empty path is a usage error; a batch where every bottle fails creates nothing.
// Devices are never written to: a FIFO and a socket in a scratch folder stand for them
// (the same code path: anything that is not a regular file), and /dev/null is only
// looked at (lstat), never opened for writing.
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/cli.hpp"
#include "base/file_text.hpp"
#include "base/atomic_write.hpp"
#include "base/staged_writes.hpp"
#include "tests/scratch_folder.hpp"

using namespace policyc;
namespace fs = std::filesystem;

namespace {

struct TempFolder {
  testing::ScratchFolder folder{"paths"};
  WorkingDirectory in{folder.dir()};
};

void write(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

const std::string kGood = "egress:\n  allowlist: [pypi.org]\n";
const std::string kBad = "egress:\n  allowlst: [pypi.org]\n";
const std::string kUsage = "\nRun 'policyc --help' for usage.\n";

bool is_fifo(const std::string& path) {
  struct stat st {};
  return ::lstat(path.c_str(), &st) == 0 && S_ISFIFO(st.st_mode);
}

bool is_socket(const std::string& path) {
  struct stat st {};
  return ::lstat(path.c_str(), &st) == 0 && S_ISSOCK(st.st_mode);
}

// A unix socket bound at `path`; the descriptor is closed, the socket file stays.
void make_socket(const std::string& path) {
  const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
  REQUIRE(fd >= 0);
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  REQUIRE(path.size() < sizeof address.sun_path);
  std::copy(path.begin(), path.end(), address.sun_path);
  REQUIRE(::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
  ::close(fd);
}

std::string target_problem_of(const std::string& path) {
  struct stat existing {};
  bool exists = false;
  return target_problem(path, existing, exists);
}

// Standard input for the test's lifetime is `text`.
class StdinFrom {
 public:
  explicit StdinFrom(const std::string& text)
      : text_(text), saved_(std::cin.rdbuf(text_.rdbuf())) {}
  ~StdinFrom() {
    std::cin.rdbuf(saved_);
    std::cin.clear();
  }

 private:
  std::istringstream text_;
  std::streambuf* saved_;
};

}  // namespace

TEST_CASE("compile -o refuses a FIFO and a socket, leaving each as it was") {
  TempFolder temp;
  write("bottle.yaml", kGood);
  REQUIRE(::mkfifo("pipe.yaml", 0600) == 0);
  make_socket("sock.yaml");
  CliRun fifo = run_cli_captured({"compile", "bottle.yaml", "-o", "pipe.yaml"});
  CHECK(fifo.code == 1);
  CHECK(fifo.out == "");
  CHECK(fifo.err ==
        "policyc: error: cannot write 'pipe.yaml': it is a FIFO (named pipe), not a regular "
        "file [E0809]\n");
  CHECK(is_fifo("pipe.yaml"));
  CliRun socket = run_cli_captured({"compile", "bottle.yaml", "--annotate", "-o", "sock.yaml"});
  CHECK(socket.code == 1);
  CHECK(socket.err ==
        "policyc: error: cannot write 'sock.yaml': it is a socket, not a regular file [E0809]\n");
  CHECK(is_socket("sock.yaml"));
  CHECK(temp.folder.entries() == std::vector<std::string>{"bottle.yaml", "pipe.yaml", "sock.yaml"});
}

TEST_CASE("a character device such as /dev/null is refused as a target, without writing") {
  // Only lstat: whatever the check says, nothing here opens or renames /dev/null.
  CHECK(target_problem_of("/dev/null") ==
        "cannot write '/dev/null': it is a character device, not a regular file");
}

TEST_CASE("a FIFO planted after the first check is refused at the rename") {
  TempFolder temp;
  write(".staged", "config\n");
  REQUIRE(::mkfifo("late.yaml", 0600) == 0);
  CHECK(rename_over_regular_file(".staged", "late.yaml") ==
        "cannot write 'late.yaml': it is a FIFO (named pipe), not a regular file");
  CHECK(is_fifo("late.yaml"));
  // A target that did not exist is created; a regular file is replaced.
  CHECK(rename_over_regular_file(".staged", "new.yaml") == "");
  write(".staged", "newer\n");
  CHECK(rename_over_regular_file(".staged", "new.yaml") == "");
  CHECK(read_file_text("new.yaml") == "newer\n");

  // A batch: staged while the target was missing, a FIFO planted before the commit.
  StagedWrites writes;
  CHECK(writes.stage("planted.yaml", "config\n") == "");
  REQUIRE(::mkfifo("planted.yaml", 0600) == 0);
  const std::vector<StagedWrites::Failure> failures = writes.commit();
  REQUIRE(failures.size() == 1);
  CHECK(failures[0].message ==
        "cannot write 'planted.yaml': it is a FIFO (named pipe), not a regular file");
  CHECK(is_fifo("planted.yaml"));
  CHECK(temp.folder.entries() == std::vector<std::string>{"late.yaml", "new.yaml", "planted.yaml"});
}

TEST_CASE("compile --out-dir refuses a FIFO or socket where a config would go") {
  TempFolder temp;
  write("a.yaml", kGood);
  write("b.yaml", kGood);
  fs::create_directory("out");
  REQUIRE(::mkfifo("out/a.yaml", 0600) == 0);
  make_socket("out/b.yaml");
  CliRun batch = run_cli_captured({"compile", "--out-dir", "out", "a.yaml", "b.yaml"});
  CHECK(batch.code == 1);
  CHECK(batch.err ==
        "policyc: error: cannot write 'out/a.yaml': it is a FIFO (named pipe), not a regular "
        "file [E0905]\n"
        "policyc: error: cannot write 'out/b.yaml': it is a socket, not a regular file [E0905]\n"
        "policyc: error: 2 of 2 bottles failed; their configs were not written [E0901]\n");
  CHECK(is_fifo("out/a.yaml"));
  CHECK(is_socket("out/b.yaml"));
}

TEST_CASE("compile -o refuses the bottle itself, by name, hard link or symbolic link") {
  TempFolder temp;
  write("self.yaml", kGood);
  fs::create_hard_link("self.yaml", "hard.yaml");
  fs::create_symlink("self.yaml", "soft.yaml");
  for (const std::string output : {"self.yaml", "./self.yaml", "hard.yaml"}) {
    INFO(output);
    CliRun run = run_cli_captured({"compile", "self.yaml", "-o", output});
    CHECK(run.code == 1);
    CHECK(run.out == "");
    CHECK(run.err == "policyc: error: cannot write '" + output +
                         "': it is the bottle 'self.yaml' being compiled; choose another output "
                         "file [E0809]\n");
  }
  // A symbolic link is refused as one, wherever it points.
  CliRun soft = run_cli_captured({"compile", "self.yaml", "-o", "soft.yaml"});
  CHECK(soft.code == 1);
  CHECK(soft.err ==
        "policyc: error: cannot write 'soft.yaml': it is a symbolic link; give the path of the "
        "real file [E0809]\n");
  // The bottle given through a symbolic link is still the bottle.
  CliRun through_link = run_cli_captured({"compile", "soft.yaml", "-o", "self.yaml"});
  CHECK(through_link.code == 1);
  CHECK(through_link.err ==
        "policyc: error: cannot write 'self.yaml': it is the bottle 'soft.yaml' being "
        "compiled; choose another output file [E0809]\n");
  CliRun annotated = run_cli_captured({"compile", "--annotate", "hard.yaml", "-o", "self.yaml"});
  CHECK(annotated.code == 1);
  CHECK(annotated.err ==
        "policyc: error: cannot write 'self.yaml': it is the bottle 'hard.yaml' being "
        "compiled; choose another output file [E0809]\n");
  CHECK(read_file_text("self.yaml") == kGood);
  CHECK(fs::is_symlink("soft.yaml"));
  CHECK(temp.folder.entries() == std::vector<std::string>{"hard.yaml", "self.yaml", "soft.yaml"});
}

TEST_CASE("compile -o - writes to standard output and creates no file named -") {
  TempFolder temp;
  write("bottle.yaml", kGood);
  CliRun plain = run_cli_captured({"compile", "bottle.yaml"});
  CliRun dash = run_cli_captured({"compile", "bottle.yaml", "-o", "-"});
  CHECK(dash.code == 0);
  CHECK(dash.err == "");
  CHECK(dash.out == plain.out);
  CHECK(dash.out.rfind("version: 1\n", 0) == 0);
  CHECK_FALSE(fs::exists("-"));
}

TEST_CASE("a bottle - is read from standard input") {
  TempFolder temp;
  CliRun from_file;
  {
    write("bottle.yaml", kGood);
    from_file = run_cli_captured({"compile", "bottle.yaml"});
  }
  {
    StdinFrom in(kGood);
    CliRun run = run_cli_captured({"compile", "-"});
    CHECK(run.code == 0);
    CHECK(run.out == from_file.out);
  }
  {
    StdinFrom in(kBad);
    CliRun run = run_cli_captured({"compile", "-"});
    CHECK(run.code == 1);
    CHECK(run.err.rfind("<stdin>:2:3: error: unknown key 'allowlst'", 0) == 0);
  }
  {
    StdinFrom in(kGood);
    CliRun run = run_cli_captured({"compile", "--out-dir", "out", "-"});
    CHECK(run.code == 2);
    CHECK(run.err ==
          "policyc: error: with --out-dir, a bottle cannot be standard input (-): its config is "
          "named after its file" +
              kUsage);
  }
  CHECK_FALSE(fs::exists("out"));
}

TEST_CASE("diff reads one of two configs from standard input, and no bottle of a fleet") {
  TempFolder temp;
  write("bottle.yaml", kGood);
  const std::string config = run_cli_captured({"compile", "bottle.yaml"}).out;
  write("old.yaml", config);
  {
    StdinFrom in(config);
    CliRun run = run_cli_captured({"diff", "old.yaml", "-"});
    CHECK(run.code == 0);
    CHECK(run.out == "old.yaml -> -: same\nverdict: same\n");
  }
  CliRun both = run_cli_captured({"diff", "-", "-"});
  CHECK(both.code == 2);
  CHECK(both.err == "policyc: error: only one of the two configs can be standard input (-)\n");
  const std::string policies = std::string(POLICYC_SOURCE_DIR) + "/policies";
  CliRun fleet =
      run_cli_captured({"diff", "--old-policy", policies, "--new-policy", policies, "-"});
  CHECK(fleet.code == 2);
  CHECK(fleet.err ==
        "policyc: error: a bottle of a fleet cannot be standard input (-): each is compiled "
        "under both policies\n");
}

TEST_CASE("an empty path is a usage error") {
  TempFolder temp;
  write("bottle.yaml", kGood);
  const std::vector<std::pair<std::vector<std::string>, std::string>> cases{
      {{"compile", "bottle.yaml", "-o", ""}, "--output"},
      {{"compile", ""}, "BOTTLE"},
      {{"compile", "bottle.yaml", "--policy", ""}, "--policy"},
      {{"compile", "bottle.yaml", "--out-dir", ""}, "--out-dir"},
      {{"compile", "bottle.yaml", "", "--out-dir", "out"}, "MORE_BOTTLES"},
      {{"summary", ""}, "BOTTLE"},
      {{"explain", ""}, "BOTTLE"},
      {{"validate", ""}, "FILE"},
      {{"diff", "", "bottle.yaml"}, "FILES"},
      {{"diff", "--old-policy", "", "--new-policy", "x", "bottle.yaml"}, "--old-policy"},
  };
  for (const auto& [args, option] : cases) {
    INFO(args[0] << " " << option);
    CliRun run = run_cli_captured(args);
    CHECK(run.code == 2);
    CHECK(run.out == "");
    CHECK(run.err == "policyc: error: " + option + ": an empty path names no file" + kUsage);
  }
  CHECK(temp.folder.entries() == std::vector<std::string>{"bottle.yaml"});
}

TEST_CASE("compile --out-dir is not created when every bottle fails") {
  TempFolder temp;
  write("bad.yaml", kBad);
  CliRun run =
      run_cli_captured({"compile", "--out-dir", "out/configs", "bad.yaml", "missing.yaml"});
  CHECK(run.code == 1);
  CHECK(run.err.find("2 of 2 bottles failed") != std::string::npos);
  CHECK_FALSE(fs::exists("out"));
  // One bottle that compiles creates it.
  write("good.yaml", kGood);
  CliRun some = run_cli_captured({"compile", "--out-dir", "out/configs", "bad.yaml", "good.yaml"});
  CHECK(some.code == 1);
  CHECK(fs::exists("out/configs/good.yaml"));
  CHECK_FALSE(fs::exists("out/configs/bad.yaml"));
}
