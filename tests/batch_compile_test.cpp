// `policyc compile --out-dir`: what is written where, what is reported in which order,
// and what is refused. Each test runs in its own temporary folder.
#include "base/file_text.hpp"
#include "cli/batch/batch_compile.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/batch/batch_progress.hpp"
#include "cli/cli.hpp"
#include "base/staged_writes.hpp"
#include "tests/scratch_folder.hpp"

using namespace policyc;
namespace fs = std::filesystem;

namespace {

// A fresh temporary folder, made the working directory for the test's lifetime.
struct TempFolder {
  testing::ScratchFolder folder{"batch"};
  WorkingDirectory in{folder.dir()};
};

void write(const std::string& path, const std::string& text) {
  fs::path p(path);
  if (p.has_parent_path()) fs::create_directories(p.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}


const std::string kGood = "egress:\n  allowlist: [pypi.org]\n";
const std::string kRoutes = "egress_proxy:\n  routes:\n    - host: api.github.com\n";
const std::string kBad = "egress:\n  allowlst: [pypi.org]\n";
const std::string kWarn = "egress:\n  dlp_action: warn\n";

}  // namespace

TEST_CASE("batch: files and folders compile to DIR/<name>.yaml, as `compile` prints them") {
  TempFolder temp;
  write("fleet/web.yaml", kGood);
  write("fleet/api.md", "---\n" + kRoutes + "---\nNotes.\n");
  write("fleet/.hidden.yaml", kBad);  // hidden: not a bottle
  write("fleet/README.txt", "not a bottle");
  write("fleet/sub/deep.yaml", kBad);  // subfolders are not searched
  write("one.yml", kWarn);
  CliRun batch = run_cli_captured({"compile", "--out-dir", "out/configs", "fleet", "one.yml"});
  CHECK(batch.code == 0);
  CHECK(batch.out.empty());
  CHECK(batch.err.empty());
  std::vector<std::string> written;
  for (const auto& entry : fs::directory_iterator("out/configs")) {
    written.push_back(entry.path().filename().string());
  }
  std::sort(written.begin(), written.end());
  CHECK(written == std::vector<std::string>{"api.yaml", "one.yaml", "web.yaml"});
  CHECK(policyc::read_file_text("out/configs/web.yaml") == run_cli_captured({"compile", "fleet/web.yaml"}).out);
  CHECK(policyc::read_file_text("out/configs/api.yaml") == run_cli_captured({"compile", "fleet/api.md"}).out);
  CHECK(policyc::read_file_text("out/configs/one.yaml") == run_cli_captured({"compile", "one.yml"}).out);
  struct stat info {};
  REQUIRE(::stat("out/configs/web.yaml", &info) == 0);
  CHECK((info.st_mode & 0777) == 0600);
}

TEST_CASE("batch: parameters, policy and --format json apply to every bottle") {
  TempFolder temp;
  write("a.yaml", kGood);
  write("b.yaml", kRoutes);
  const std::vector<std::string> shared = {"--param", "ssrf_ip_allowlist=10.0.0.0/8", "--format",
                                           "json"};
  std::vector<std::string> args = {"compile", "--out-dir", "out", "a.yaml", "b.yaml"};
  args.insert(args.end(), shared.begin(), shared.end());
  REQUIRE(run_cli_captured(args).code == 0);
  for (const char* name : {"a", "b"}) {
    std::vector<std::string> single = {"compile", std::string(name) + ".yaml"};
    single.insert(single.end(), shared.begin(), shared.end());
    CHECK(policyc::read_file_text(std::string("out/") + name + ".json") == run_cli_captured(single).out);
    CHECK(!fs::exists(std::string("out/") + name + ".yaml"));
  }
}

TEST_CASE("batch: a bad bottle is reported in order and the others are still written") {
  TempFolder temp;
  // Many bottles so both threads interleave; every third fails, every fifth warns.
  std::vector<std::string> args = {"compile", "--out-dir", "out"};
  std::string expected_err;
  for (int i = 0; i < 30; ++i) {
    const std::string name = "b" + std::to_string(100 + i) + ".yaml";
    write(name, i % 3 == 0 ? kBad : i % 5 == 0 ? kWarn : kGood);
    args.push_back(name);
    expected_err += run_cli_captured({"compile", name}).err;
  }
  write("out/b100.yaml", "the previous config\n");
  CliRun batch = run_cli_captured(args);
  CHECK(batch.code == 1);
  CHECK(batch.err == expected_err +
                         "policyc: error: 10 of 30 bottles failed; their configs were not "
                         "written [E0901]\n");
  CHECK(policyc::read_file_text("out/b100.yaml") == "the previous config\n");  // a failed bottle's is untouched
  CHECK(!fs::exists("out/b103.yaml"));
  CHECK(policyc::read_file_text("out/b101.yaml") == run_cli_captured({"compile", "b101.yaml"}).out);
  CHECK(policyc::read_file_text("out/b105.yaml") == run_cli_captured({"compile", "b105.yaml"}).out);
}

TEST_CASE("batch: the same report whatever the number of threads") {
  TempFolder temp;
  BatchRequest request;
  request.out_dir = "out";
  for (int i = 0; i < 12; ++i) {
    const std::string name = "n" + std::to_string(10 + i) + ".yaml";
    write(name, i % 2 ? kBad : kWarn);
    request.inputs.push_back(name);
  }
  std::string first;
  for (unsigned threads : {1u, 2u, 4u, 8u}) {
    request.threads = threads;
    std::ostringstream out, err;
    CommandIo io{out, err};
    CHECK(run_batch_compile(request, io) == 1);
    if (first.empty()) first = err.str();
    CHECK(err.str() == first);
  }
  CHECK(first.find("6 of 12 bottles failed") != std::string::npos);
}

TEST_CASE("batch: a file named twice is compiled once") {
  TempFolder temp;
  write("fleet/web.yaml", kGood);
  CliRun batch =
      run_cli_captured({"compile", "--out-dir", "out", "fleet", "fleet/web.yaml", "./fleet/web.yaml"});
  CHECK(batch.code == 0);
  CHECK(batch.err.empty());
  CHECK(fs::exists("out/web.yaml"));
}

TEST_CASE("batch: two bottles with one name, or a config over a bottle, are refused") {
  TempFolder temp;
  write("a/web.yaml", kGood);
  write("b/web.md", "---\n" + kGood + "---\n");
  write("c/api.yaml", kGood);
  CliRun clash = run_cli_captured({"compile", "--out-dir", "out", "a", "b/web.md", "c"});
  CHECK(clash.code == 1);
  CHECK(clash.err ==
        "policyc: error: 'a/web.yaml' and 'b/web.md' would both be written to 'out/web.yaml'; "
        "rename one of them [E0902]\n"
        "policyc: error: 2 of 3 bottles failed; their configs were not written [E0901]\n");
  CHECK(!fs::exists("out/web.yaml"));
  CHECK(fs::exists("out/api.yaml"));

  CliRun over = run_cli_captured({"compile", "--out-dir", "c", "c"});
  CHECK(over.code == 1);
  CHECK(over.err ==
        "policyc: error: the config of 'c/api.yaml' would overwrite the bottle 'c/api.yaml'; "
        "choose another --out-dir [E0902]\n"
        "policyc: error: 1 of 1 bottle failed; its config was not written [E0901]\n");
  CHECK(policyc::read_file_text("c/api.yaml") == kGood);
}

TEST_CASE("batch: folders without bottles and unusable output folders are errors") {
  TempFolder temp;
  write("empty/notes.txt", "");
  write("ok.yaml", kGood);
  CliRun empty = run_cli_captured({"compile", "--out-dir", "out", "empty", "ok.yaml"});
  CHECK(empty.code == 1);
  CHECK(empty.err ==
        "policyc: error: 'empty' holds no bottles (files ending in .yaml, .yml, .md or "
        ".markdown) [E0903]\n");
  CHECK(fs::exists("out/ok.yaml"));

  write("file", "");
  CliRun not_dir = run_cli_captured({"compile", "--out-dir", "file", "ok.yaml"});
  CHECK(not_dir.code == 1);
  CHECK(not_dir.err ==
        "policyc: error: cannot write configs into 'file': it is not a directory [E0904]\n");
  CliRun under_file = run_cli_captured({"compile", "--out-dir", "file/sub", "ok.yaml"});
  CHECK(under_file.code == 1);
  CHECK(under_file.err.rfind("policyc: error: cannot create the output directory 'file/sub': ",
                             0) == 0);
}

TEST_CASE("batch: a config that cannot be written fails that bottle only") {
  TempFolder temp;
  write("a.yaml", kGood);
  write("b.yaml", kGood);
  fs::create_directories("out/a.yaml");  // a folder where the config would go
  fs::create_symlink("elsewhere.yaml", "out/b.yaml");
  write("c.yaml", kGood);
  CliRun batch = run_cli_captured({"compile", "--out-dir", "out", "a.yaml", "b.yaml", "c.yaml"});
  CHECK(batch.code == 1);
  CHECK(batch.err ==
        "policyc: error: cannot write 'out/a.yaml': it is a directory [E0905]\n"
        "policyc: error: cannot write 'out/b.yaml': it is a symbolic link; give the path of "
        "the real file [E0905]\n"
        "policyc: error: 2 of 3 bottles failed; their configs were not written [E0901]\n");
  CHECK(fs::is_symlink("out/b.yaml"));
  CHECK(!fs::exists("elsewhere.yaml"));
  CHECK(fs::exists("out/c.yaml"));
  for (const auto& entry : fs::directory_iterator("out")) {
    CHECK(entry.path().filename().string()[0] != '.');  // no temporary file left behind
  }
}

TEST_CASE("batch: combinations that make no sense are usage errors") {
  TempFolder temp;
  write("a.yaml", kGood);
  write("b.yaml", kGood);
  const std::string usage = "\nRun 'policyc --help' for usage.\n";
  CliRun several = run_cli_captured({"compile", "a.yaml", "b.yaml"});
  CHECK(several.code == 2);
  CHECK(several.err == "policyc: error: several bottles need --out-dir DIR" + usage);
  CliRun with_output = run_cli_captured({"compile", "--out-dir", "out", "-o", "x.yaml", "a.yaml"});
  CHECK(with_output.code == 2);
  CHECK(with_output.err ==
        "policyc: error: --out-dir and -o,--output cannot be used together" + usage);
  CliRun annotated = run_cli_captured({"compile", "--out-dir", "out", "--annotate", "a.yaml"});
  CHECK(annotated.code == 2);
  CHECK(annotated.err ==
        "policyc: error: --annotate applies to one bottle, not to --out-dir" + usage);
  CHECK(!fs::exists("out"));
}

TEST_CASE("batch: a policy or parameter error stops the batch before any bottle") {
  TempFolder temp;
  write("a.yaml", kGood);
  CliRun bad_param = run_cli_captured({"compile", "--out-dir", "out", "--param", "nope=1", "a.yaml"});
  CHECK(bad_param.code == 1);
  CHECK(bad_param.err.find("unknown parameter 'nope'") != std::string::npos);
  CHECK(bad_param.err.find("E0901") == std::string::npos);
  CHECK(!fs::exists("out"));
}

TEST_CASE("staged writes: nothing is in place before commit, and nothing is left after") {
  TempFolder temp;
  {
    StagedWrites writes;
    CHECK(writes.stage("x.yaml", "new\n").empty());
    CHECK(!fs::exists("x.yaml"));
    CHECK(writes.commit().empty());
    CHECK(policyc::read_file_text("x.yaml") == "new\n");
  }
  {
    StagedWrites abandoned;
    CHECK(abandoned.stage("y.yaml", "never\n").empty());
  }
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(".")) {
    names.push_back(entry.path().filename().string());
  }
  CHECK(names == std::vector<std::string>{"x.yaml"});
}

TEST_CASE("staged writes: an unchanged config is left in place, anything else replaced") {
  TempFolder temp;
  auto inode = [](const char* path) {
    struct stat info {};
    REQUIRE(::stat(path, &info) == 0);
    return info.st_ino;
  };
  {
    StagedWrites writes;
    REQUIRE(writes.stage("same.yaml", "a: 1\n").empty());
    REQUIRE(writes.commit().empty());
  }
  const auto first = inode("same.yaml");
  StagedWrites again;
  CHECK(again.stage("same.yaml", "a: 1\n").empty());
  CHECK(again.commit().empty());
  CHECK(inode("same.yaml") == first);  // not rewritten

  write("loose.yaml", "a: 1\n");  // the same bytes, but mode 0644
  CHECK(again.stage("loose.yaml", "a: 1\n").empty());
  CHECK(again.stage("same.yaml", "a: 2\n").empty());
  CHECK(again.commit().empty());
  CHECK(inode("same.yaml") != first);
  CHECK(policyc::read_file_text("same.yaml") == "a: 2\n");
  struct stat info {};
  REQUIRE(::stat("loose.yaml", &info) == 0);
  CHECK((info.st_mode & 0777) == 0600);
}

TEST_CASE("progress: redrawn in place on a terminal, absent otherwise") {
  std::ostringstream shown;
  BatchProgress progress(shown, true, 120);
  progress.update(7, 0, true);
  progress.update(8, 0);  // within 100 ms: not redrawn
  progress.update(9, 2, true);
  progress.clear();
  CHECK(shown.str() ==
        "\r[  7/120] compiling"
        "\r[  9/120] compiling (2 failed)"
        "\r" +
            std::string(30, ' ') + "\r");

  std::ostringstream piped;
  BatchProgress quiet(piped, false, 120);
  quiet.update(1, 0, true);
  quiet.clear();
  CHECK(piped.str().empty());
  CHECK(!progress_wanted(piped));
}
