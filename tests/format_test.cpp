// `policyc fmt`: the layout rules one at a time, and the round trip over every policy in
// the repository (idempotent, same meaning, same compiled output for every golden case).
#include "base/file_text.hpp"
#include "compiler/format/format.hpp"

#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <re2/re2.h>
#include <set>
#include <sstream>

#include "cli/cli.hpp"
#include "cli/golden.hpp"
#include "compiler/syntax/parse.hpp"
#include "fuzz/ast_dump.hpp"
#include "tests/scratch_folder.hpp"

namespace fs = std::filesystem;
using namespace policyc;

namespace {

std::optional<std::string> format_text(const std::string& text) {
  SourceManager sources;
  DiagnosticSink diags;
  return format_policy(sources, sources.add("test.policy", text), diags);
}

std::string dump(const std::string& text) {
  SourceManager sources;
  DiagnosticSink diags;
  ast::PolicyFile file = parse_policy(sources, sources.add("test.policy", text), diags);
  REQUIRE_FALSE(diags.has_errors());
  return fuzz::dump_ast(file);
}

// Every .policy file of the repository: shipped, examples, golden cases.
std::vector<fs::path> repository_policies() {
  std::vector<fs::path> files;
  const fs::path root(POLICYC_SOURCE_DIR);
  for (auto it = fs::recursive_directory_iterator(root); it != fs::recursive_directory_iterator();
       ++it) {
    const std::string name = it->path().filename().string();
    if (it->is_directory() &&
        (name.rfind("build", 0) == 0 || name[0] == '.' || name == "node_modules")) {
      it.disable_recursion_pending();
      continue;
    }
    if (it->path().extension() == ".policy" && fs::is_regular_file(it->path())) {
      files.push_back(it->path());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

CliRun run(const fs::path& folder, const std::vector<std::string>& args) {
  WorkingDirectory in(folder);
  return run_cli_captured(args);
}

// The codes of the diagnostics in a stderr text, sorted: what a check reports, without
// the positions that formatting moves.
std::multiset<std::string> diagnostic_codes(const std::string& text) {
  static const RE2 code(R"((?:: (?:error|warning): .*\[|"code":")([EW][0-9]{4}))");
  std::multiset<std::string> codes;
  re2::StringPiece rest(text);
  for (std::string found; RE2::FindAndConsume(&rest, code, &found);) codes.insert(found);
  return codes;
}

void format_tree(const fs::path& folder) {
  for (const auto& entry : fs::recursive_directory_iterator(folder)) {
    if (entry.path().extension() != ".policy" || entry.is_symlink() || !entry.is_regular_file()) {
      continue;
    }
    if (std::optional<std::string> formatted = format_text(policyc::read_file_text(entry.path()))) {
      std::ofstream(entry.path(), std::ios::binary) << *formatted;
    }
  }
}

std::vector<std::string> case_args(const fs::path& folder) {
  if (!fs::exists(folder / "args")) return {"compile", "bottle.yaml"};
  std::vector<std::string> args;
  std::istringstream lines(policyc::read_file_text(folder / "args"));
  for (std::string line; std::getline(lines, line);) {
    if (!line.empty() && line[0] != '#') args.push_back(line);
  }
  return args;
}

}  // namespace

TEST_CASE("fmt lays out declarations, members and expressions canonically") {
  CHECK(format_text("const   X : list<hostname>=[\"a.com\",\"b.com\"]\n") ==
        "const X: list<hostname> = [\"a.com\", \"b.com\"]\n");
  CHECK(format_text("rule r when (a==1) and not(b  in  [1,2]) {\n  s+=X\n}\n") ==
        "rule r when (a == 1) and not (b in [1, 2]) {\n  s += X\n}\n");
  CHECK(format_text("record R {\n\ta: list<string?>?=[] unique(k)\n  removed  q  \"gone\"\n"
                    "  together( a,b )\n}\n") ==
        "record R {\n  a: list<string?>? = [] unique(k)\n  removed q \"gone\"\n"
        "  together(a, b)\n}\n");
  CHECK(format_text("record R {\n  b: int\n  renamed   a->b   # was a\n  renamed\n c  ->  b\n}\n") ==
        "record R {\n  b: int\n  renamed a -> b                       # was a\n  renamed c -> b\n}\n");
  CHECK(format_text("output pipelock{\n  k when x {\n  }\n  y = any(r in X : r == \"a\")\n}\n") ==
        "output pipelock {\n  k when x {}\n  y = any(r in X: r == \"a\")\n}\n");
}

TEST_CASE("fmt puts block declarations apart and keeps at most one empty line elsewhere") {
  CHECK(format_text("import \"a.policy\"\nimport \"b.policy\"\n\n\n\nconst X = 1\nset s: string\n"
                    "rule r {\n}\noutput o {\n}\n") ==
        "import \"a.policy\"\nimport \"b.policy\"\n\nconst X = 1\nset s: string\n\nrule r {}\n\n"
        "output o {}\n");
}

TEST_CASE("fmt breaks a list written broken, holding a comment, or too wide") {
  CHECK(format_text("const X = [\n\"a\", \"b\"]\n") == "const X = [\n  \"a\",\n  \"b\",\n]\n");
  // `  "a",` is 6 columns: the comment starts at column 40.
  CHECK(format_text("const X = [\"a\",  # why\n  \"b\"]\n") ==
        "const X = [\n  \"a\"," + std::string(33, ' ') + "# why\n  \"b\",\n]\n");
  std::string wide = "const X = [";
  for (int i = 0; i < 8; ++i) wide += "\"host" + std::to_string(i) + ".example.com\", ";
  wide += "\"last.example.com\"]\n";
  std::optional<std::string> formatted = format_text(wide);
  REQUIRE(formatted);
  CHECK(formatted->find("[\n  \"host0.example.com\",\n") != std::string::npos);
  CHECK(format_text(*formatted) == formatted);
}

TEST_CASE("fmt writes record literals like lists: one line, or one field per line") {
  CHECK(format_text("const X: R = {a=1,b=\"x\"}\nconst E: R = {  }\n") ==
        "const X: R = { a = 1, b = \"x\" }\nconst E: R = {}\n");
  CHECK(format_text("const X: R = {\na = 1, b = [{c=true}]}\n") ==
        "const X: R = {\n  a = 1,\n  b = [{ c = true }],\n}\n");
  CHECK(format_text("const X: R = {a = 1,  # why\n b = 2}\n") ==
        "const X: R = {\n  a = 1," + std::string(31, ' ') + "# why\n  b = 2,\n}\n");
  std::string wide = "const X: R = {";
  for (int i = 0; i < 6; ++i) wide += "field" + std::to_string(i) + " = \"value number " + std::to_string(i) + "\", ";
  wide += "last = 1}\n";
  std::optional<std::string> formatted = format_text(wide);
  REQUIRE(formatted);
  CHECK(formatted->find("{\n  field0 = \"value number 0\",\n") != std::string::npos);
  CHECK(format_text(*formatted) == formatted);
}

TEST_CASE("fmt keeps every comment, above its construct or at the end of its line") {
  const std::string text =
      "# header\n\n# about X\nconst X = 1  # trailing\nrule r when a and  # inside\n  b {  # head\n"
      "  s += X\n  # dangling\n}  # after\n# end\n";
  CHECK(format_text(text) ==
        "# header\n\n# about X\nconst X = 1                            # trailing\n\n# inside\n"
        "rule r when a and b {                  # head\n  s += X\n  # dangling\n"
        "}                                      # after\n# end\n");
}

TEST_CASE("fmt keeps parentheses the source has and literals as written") {
  CHECK(format_text("const X = ((a or b)) and (c)\nconst Y = \"\\t\\\"q\\\"\"\nconst Z = -007\n") ==
        "const X = (a or b) and (c)\nconst Y = \"\\t\\\"q\\\"\"\nconst Z = -007\n");
  CHECK(format_text("const X = (a).b + ([\"x\"])\n") == "const X = (a).b + ([\"x\"])\n");
}

TEST_CASE("fmt refuses a file with a syntax error and reports it") {
  SourceManager sources;
  DiagnosticSink diags;
  CHECK_FALSE(format_policy(sources, sources.add("bad.policy", "const X 1\n"), diags));
  REQUIRE(diags.all().size() == 1);
  CHECK(diags.all()[0].code == "E0101");
}

TEST_CASE("fmt of every policy in the repository is idempotent and keeps its meaning") {
  std::size_t formatted_count = 0;
  for (const fs::path& path : repository_policies()) {
    INFO(path.string());
    const std::string text = policyc::read_file_text(path);
    std::optional<std::string> formatted = format_text(text);
    if (!formatted) continue;  // golden cases of syntax errors
    ++formatted_count;
    CHECK(dump(*formatted) == dump(text));
    CHECK(format_text(*formatted) == formatted);
  }
  CHECK(formatted_count >= 40);
}

TEST_CASE("the shipped policies are formatted") {
  int shipped_count = 0;
  for (const fs::path& path : repository_policies()) {
    // Golden cases keep policies in folders of that name too; only the shipped ones count.
    if (path.parent_path() != fs::path(POLICYC_SOURCE_DIR) / "policies") continue;
    INFO(path.string());
    ++shipped_count;
    CHECK(format_text(policyc::read_file_text(path)) == policyc::read_file_text(path));
  }
  CHECK(shipped_count >= 1);
}

TEST_CASE("golden cases give the same results after every policy is formatted") {
  const fs::path source(POLICYC_SOURCE_DIR);
  const policyc::testing::ScratchFolder scratch("fmt");
  const fs::path& root = scratch.dir();
  fs::copy(source / "policies", root / "policies", fs::copy_options::recursive);
  format_tree(root / "policies");
  // The copy is a policy project, as the repository is: every case copied into it compiles
  // with the formatted policies, named as the shipped ones are.
  fs::copy_file(source / "policyc.yaml", root / "policyc.yaml");
  std::size_t compared = 0;
  for (const fs::path& folder : find_golden_cases(source / "golden")) {
    std::vector<std::string> args = case_args(folder);
    const std::string command = args.empty() ? "" : args.front();
    if (command != "compile" && command != "summary" && command != "check") continue;
    const bool writes_files = std::any_of(args.begin(), args.end(), [](const std::string& arg) {
      return arg == "-o" || arg.rfind("--output", 0) == 0 || arg.rfind("--out-dir", 0) == 0;
    });
    if (writes_files) continue;
    INFO(folder.string());
    const fs::path copy = root / fs::relative(folder, source);
    if (fs::is_symlink(folder) || fs::exists(copy)) continue;  // another case's folder
    fs::create_directories(copy.parent_path());
    fs::copy(folder, copy, fs::copy_options::recursive | fs::copy_options::copy_symlinks);
    format_tree(copy);
    // A policy outside the case folder is formatted in a copy of its own folder.
    for (std::size_t i = 0; i + 1 < args.size(); ++i) {
      if (args[i] != "--policy" || fs::exists(copy / args[i + 1])) continue;
      // Mirrored at its place in the repository, so its own relative imports still resolve.
      const fs::path original = fs::weakly_canonical(folder / args[i + 1]);
      const fs::path outside = root / fs::relative(original.parent_path(), source);
      fs::create_directories(outside);
      for (const auto& entry : fs::directory_iterator(original.parent_path())) {
        const fs::path target = outside / entry.path().filename();
        if (entry.path().extension() == ".policy" && !fs::exists(target)) {
          fs::copy(entry.path(), target);
        }
      }
      format_tree(outside);
      args[i + 1] = (outside / original.filename()).string();
    }
    CliRun result = run(copy, args);
    INFO(result.err);
    const std::string expected_exit = policyc::read_file_text(folder / "expected.exit");
    CHECK(result.code == (expected_exit.empty() ? 0 : std::stoi(expected_exit)));
    if (command == "check") {
      CHECK(diagnostic_codes(result.err) ==
            diagnostic_codes(policyc::read_file_text(folder / "expected.stderr")));
    } else {
      CHECK(result.out == policyc::read_file_text(folder / "expected.yaml"));
    }
    ++compared;
  }
  CHECK(compared >= 40);
}

TEST_CASE("fmt rewrites a file in place and keeps its permissions") {
  const policyc::testing::ScratchFolder scratch("fmt");
  const fs::path& folder = scratch.dir();
  const fs::path file = folder / "messy.policy";
  std::ofstream(file) << "const   X=1\n";
  fs::permissions(file, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read |
                            fs::perms::others_read);
  CliRun result = run(folder, {"fmt", "messy.policy"});
  CHECK(result.code == 0);
  CHECK(result.err.empty());
  CHECK(policyc::read_file_text(file) == "const X = 1\n");
  CHECK((fs::status(file).permissions() & fs::perms::all) ==
        (fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read |
         fs::perms::others_read));
  CliRun again = run(folder, {"fmt", "--check", "."});
  CHECK(again.code == 0);
}

namespace {

struct ShellRun {
  int code = 0;
  std::string output;
};

// `policyc ARGS` with `input` on its standard input, through the shell: what a user types.
ShellRun run_with_stdin(const std::string& input, const std::string& args) {
  const std::string command =
      "printf '" + input + "' | '" + std::string(POLICYC_BINARY) + "' " + args;
  FILE* pipe = popen(command.c_str(), "r");
  REQUIRE(pipe);
  ShellRun run;
  char buffer[256];
  while (std::size_t n = fread(buffer, 1, sizeof buffer, pipe)) run.output.append(buffer, n);
  run.code = WEXITSTATUS(pclose(pipe));
  return run;
}

}  // namespace

TEST_CASE("fmt - formats stdin to stdout") {
  const ShellRun run = run_with_stdin("const   X=1  # c\\n", "fmt -");
  CHECK(run.code == 0);
  CHECK(run.output == "const X = 1" + std::string(28, ' ') + "# c\n");
}

TEST_CASE("fmt --check - says why it exits 1") {
  const ShellRun run = run_with_stdin("const   X=1\\n", "fmt --check --color=never - 2>&1");
  CHECK(run.code == 1);
  CHECK(run.output ==
        "<stdin>:1:1: error: '<stdin>' is not formatted; run 'policyc fmt -' [E0602]\n"
        "const   X=1\n"
        "^~~~~~~~~~~\n"
        "policyc: note: policyc fmt writes 'const X = 1'\n");
}
