// `policyc __complete`: the exact protocol the bash and zsh scripts read, run in-process
// on the real command line (the scripts themselves are tested in a real shell by
// tests/completion_*_test.*).
#include "cli/completion.hpp"

#include <catch2/catch.hpp>
#include <sstream>

#include "cli/cli.hpp"

using namespace policyc;

namespace {

std::string complete(std::vector<std::string> words) {
  words.insert(words.begin(), {"policyc", "__complete"});
  std::vector<const char*> argv;
  for (const std::string& w : words) argv.push_back(w.c_str());
  std::ostringstream out, err;
  REQUIRE(run_cli(static_cast<int>(argv.size()), argv.data(), out, err) == 0);
  CHECK(err.str().empty());
  return out.str();
}

}  // namespace

TEST_CASE("__complete offers commands with their descriptions, never itself") {
  const std::string all = complete({""});
  CHECK(all.find("compile\tprint the pipelock config of a bottle\n") != std::string::npos);
  CHECK(all.find("__complete") == std::string::npos);
  CHECK(complete({"sum"}) == "summary\tprint the one-line allowlist summary of a bottle\n");
  CHECK(complete({"nothing"}).empty());
}

TEST_CASE("__complete offers --help and --version for a `--` typed first") {
  const std::string options = complete({"--"});
  CHECK(options.find("--help\t") != std::string::npos);
  CHECK(options.find("--version\t") != std::string::npos);
  CHECK(options.find("compile") == std::string::npos);
  CHECK(complete({"--ver"}).rfind("--version\t", 0) == 0);
}

TEST_CASE("__complete offers parameter names with their types, and values after NAME=") {
  CHECK(complete({"compile", "--param", ""}) ==
        "ca_cert=\tpath?\nca_key=\tpath?\nssrf_ip_allowlist=\tlist<cidr>\n:nospace\n");
  CHECK(complete({"compile", "--param", "ca_cert=/et"}) == ":files\n:prefix ca_cert=\n");
  CHECK(complete({"compile", "--param=ss"}) ==
        "--param=ssrf_ip_allowlist=\tlist<cidr>\n:nospace\n");
  CHECK(complete({"compile", "--param", "ssrf_ip_allowlist=10"}).empty());
  // A policy that cannot be read offers no names rather than an error.
  CHECK(complete({"compile", "--policy", "/nonexistent.policy", "--param", ""}) == ":nospace\n");
}

TEST_CASE("__complete reads option values from the validators") {
  CHECK(complete({"compile", "--format", ""}) == "yaml\njson\n");
  CHECK(complete({"compile", "--color=a"}) == "--color=auto\n--color=always\n");
  CHECK(complete({"explain", "b.yaml", "--host", ""}).empty());
}

TEST_CASE("__complete knows which words are option values and which are positionals") {
  CHECK(complete({"compile", ""}) == ":files yaml yml md markdown\n");
  CHECK(complete({"compile", "--policy", ""}) == ":files policy\n");
  CHECK(complete({"compile", "--policy", "x.policy", ""}) == ":files yaml yml md markdown\n");
  CHECK(complete({"compile", "-o", ""}) == ":files\n");
  CHECK(complete({"compile", "--out-dir", ""}) == ":dirs\n");
  CHECK(complete({"test", ""}) == ":dirs\n");
  CHECK(complete({"init", ""}) == ":dirs\n");
  CHECK(complete({"migrate", "--write", "a.yaml", ""}) == ":files yaml yml md markdown\n");
  CHECK(complete({"migrate", "--policy", ""}) == ":files policy\n");
  CHECK(complete({"in"}) ==
        "init\twrite a new policy project (policies, a golden case, policyc.yaml) into DIR\n");
  // After `--` every word is a positional, even one that starts with a dash.
  CHECK(complete({"compile", "--", "-"}) == ":files yaml yml md markdown\n");
}

TEST_CASE("__complete does not offer an option twice unless it repeats") {
  const std::string once = complete({"compile", "--format", "json", "--"});
  CHECK(once.find("--format") == std::string::npos);
  CHECK(once.find("--param\t") != std::string::npos);
  const std::string again = complete({"compile", "--param", "a=b", "--pa"});
  CHECK(again == "--param\tlaunch parameter NAME=VALUE; repeat for each value of a list\n");
}

TEST_CASE("__complete offers diagnostic codes after errors") {
  const std::string codes = complete({"errors", "E010"});
  CHECK(codes.rfind("E0101\tsyntax error\n", 0) == 0);
  CHECK(codes.find("E0201") == std::string::npos);
}

TEST_CASE("render_completion writes candidates, then directives") {
  Completion c;
  c.candidates = {{"a=", "path?"}, {"b", ""}};
  c.files = Completion::Files::Any;
  c.extensions = {"yaml", "md"};
  c.prefix = "a=";
  c.no_space = true;
  CHECK(render_completion(c) == "a=\tpath?\nb\n:files yaml md\n:prefix a=\n:nospace\n");
  Completion dirs;
  dirs.files = Completion::Files::Dirs;
  CHECK(render_completion(dirs) == ":dirs\n");
  // A prefix means something only to the file names that follow it.
  Completion no_files;
  no_files.candidates = {{"--color=auto", ""}};
  no_files.prefix = "--color=";
  CHECK(render_completion(no_files) == "--color=auto\n");
  CHECK(render_completion(Completion{}).empty());
}
