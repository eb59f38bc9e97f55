// `compile -o`: the config is written whole or not at all, mode 0600, never through a
// symbolic link; every failure is one clear line on stderr and nothing on stdout.
#include <catch2/catch.hpp>

#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "base/file_text.hpp"
#include "cli/cli.hpp"
#include "base/atomic_write.hpp"
#include "tests/child_process.hpp"
#include "tests/scratch_folder.hpp"

namespace fs = std::filesystem;
using policyc::write_file_atomically;
// A failed write must leave no temporary file behind: tests compare entries().
using Scratch = policyc::testing::ScratchFolder;
using policyc::testing::in_child;

namespace {

void write_plain(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

unsigned mode_of(const std::string& path) {
  struct stat st {};
  REQUIRE(::stat(path.c_str(), &st) == 0);
  return st.st_mode & 07777;
}

struct CliRun {
  int code;
  std::string out, err;
};

CliRun compile_to(const std::string& output) {
  const std::string bottle = std::string(POLICYC_SOURCE_DIR) + "/examples/bottle.yaml";
  std::vector<const char*> argv{"policyc", "compile", bottle.c_str(), "-o", output.c_str()};
  std::ostringstream out, err;
  int code = policyc::run_cli(static_cast<int>(argv.size()), argv.data(), out, err);
  return {code, out.str(), err.str()};
}

}  // namespace

TEST_CASE("the config is written with mode 0600, replacing the previous file") {
  Scratch scratch;
  const std::string target = scratch.path("pipelock.yaml");
  write_plain(target, "old\n");
  ::chmod(target.c_str(), 0644);
  const mode_t saved = ::umask(0);
  CHECK(write_file_atomically(target, "version: 1\n") == "");
  ::umask(saved);
  CHECK(policyc::read_file_text(target) == "version: 1\n");
  CHECK(mode_of(target) == 0600);
  CHECK(scratch.entries() == std::vector<std::string>{"pipelock.yaml"});
}

TEST_CASE("a project file keeps its mode, and a new one gets the umask's") {
  Scratch scratch;
  const std::string policy = scratch.path("pipelock.policy"), fresh = scratch.path("new.policy");
  write_plain(policy, "old\n");
  ::chmod(policy.c_str(), 0640);
  const mode_t saved = ::umask(027);
  CHECK(write_file_atomically(policy, "new\n", policyc::FileAccess::LikeSourceFile) == "");
  CHECK(write_file_atomically(fresh, "new\n", policyc::FileAccess::LikeSourceFile) == "");
  ::umask(saved);
  CHECK(mode_of(policy) == 0640);
  CHECK(mode_of(fresh) == 0640);
  ::chmod(policy.c_str(), 0664);
  CHECK(write_file_atomically(policy, "again\n", policyc::FileAccess::LikeSourceFile) == "");
  CHECK(mode_of(policy) == 0664);
  CHECK(policyc::read_file_text(policy) == "again\n");
}

TEST_CASE("a symbolic link is refused, and neither it nor its target changes") {
  Scratch scratch;
  const std::string real = scratch.path("real.yaml"), link = scratch.path("link.yaml");
  write_plain(real, "old\n");
  fs::create_symlink(real, link);
  CHECK(write_file_atomically(link, "new\n") ==
        "cannot write '" + link + "': it is a symbolic link; give the path of the real file");
  CHECK(policyc::read_file_text(real) == "old\n");
  CHECK(fs::is_symlink(link));
  // A dangling link too: writing through it would create a file elsewhere.
  const std::string dangling = scratch.path("dangling.yaml");
  fs::create_symlink(scratch.path("nowhere/x.yaml"), dangling);
  CHECK(write_file_atomically(dangling, "new\n") ==
        "cannot write '" + dangling + "': it is a symbolic link; give the path of the real file");
  CHECK(scratch.entries() == std::vector<std::string>{"dangling.yaml", "link.yaml", "real.yaml"});
}

TEST_CASE("a missing folder and a folder in place of the file are refused") {
  Scratch scratch;
  const std::string missing = scratch.path("no-such-dir/pipelock.yaml");
  CHECK(write_file_atomically(missing, "x\n") ==
        "cannot write '" + missing +
            "': No such file or directory (creating a temporary file beside it)");
  fs::create_directory(scratch.path("taken"));
  CHECK(write_file_atomically(scratch.path("taken"), "x\n") ==
        "cannot write '" + scratch.path("taken") + "': it is a directory");
  CHECK(fs::is_directory(scratch.path("taken")));
  CHECK(scratch.entries() == std::vector<std::string>{"taken"});
}

TEST_CASE("without write permission on the folder, the previous file is untouched") {
  Scratch scratch;
  const std::string target = scratch.path("pipelock.yaml");
  write_plain(target, "old\n");
  ::chmod(scratch.dir().c_str(), 0555);
  // Root ignores permission bits, so the write is tried as an unprivileged user.
  const std::string error = in_child([&] {
    if (::geteuid() == 0 && (::setgid(65534) != 0 || ::setuid(65534) != 0)) {
      return std::string("cannot drop root");
    }
    return write_file_atomically(target, "new\n");
  });
  CHECK(error == "cannot write '" + target +
                     "': Permission denied (creating a temporary file beside it)");
  CHECK(policyc::read_file_text(target) == "old\n");
  CHECK(scratch.entries() == std::vector<std::string>{"pipelock.yaml"});
}

TEST_CASE("a write that fails halfway leaves the previous file and no temporary file") {
  Scratch scratch;
  const std::string target = scratch.path("pipelock.yaml");
  write_plain(target, "old\n");
  // A file size limit makes write() fail after the temporary file exists.
  const std::string error = in_child([&] {
    std::signal(SIGXFSZ, SIG_IGN);
    struct rlimit limit {1024, 1024};
    ::setrlimit(RLIMIT_FSIZE, &limit);
    return write_file_atomically(target, std::string(4096, 'x'));
  });
  CHECK(error == "cannot write '" + target + "': File too large (writing)");
  CHECK(policyc::read_file_text(target) == "old\n");
  CHECK(scratch.entries() == std::vector<std::string>{"pipelock.yaml"});
}

TEST_CASE("compile -o: errors go to stderr with a code, nothing to stdout") {
  Scratch scratch;
  fs::create_directory(scratch.path("taken"));
  CliRun onto_dir = compile_to(scratch.path("taken"));
  CHECK(onto_dir.code == 1);
  CHECK(onto_dir.out == "");
  CHECK(onto_dir.err ==
        "policyc: error: cannot write '" + scratch.path("taken") + "': it is a directory [E0809]\n");

  CliRun ok = compile_to(scratch.path("pipelock.yaml"));
  CHECK(ok.code == 0);
  CHECK(ok.out == "");
  CHECK(ok.err == "");
  CHECK(policyc::read_file_text(scratch.path("pipelock.yaml")).rfind("version: 1\n", 0) == 0);
  CHECK(mode_of(scratch.path("pipelock.yaml")) == 0600);
}

TEST_CASE("compile -o: an invalid bottle leaves the previous config untouched") {
  Scratch scratch;
  const std::string target = scratch.path("pipelock.yaml");
  write_plain(target, "old\n");
  write_plain(scratch.path("bad.yaml"), "egress: {allowlist: [\"bad host\"]}\n");
  const std::string bottle = scratch.path("bad.yaml");
  std::vector<const char*> argv{"policyc", "compile", bottle.c_str(), "-o", target.c_str()};
  std::ostringstream out, err;
  CHECK(policyc::run_cli(static_cast<int>(argv.size()), argv.data(), out, err) == 1);
  CHECK(out.str() == "");
  CHECK(err.str().find("[E03") != std::string::npos);
  CHECK(policyc::read_file_text(target) == "old\n");
  CHECK(scratch.entries() == std::vector<std::string>{"bad.yaml", "pipelock.yaml"});
}
