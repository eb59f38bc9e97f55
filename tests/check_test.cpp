// Each semantic check, one at a time: exact messages and positions.
#include <catch2/catch.hpp>

#include <map>

#include "compiler/syntax/load.hpp"
#include "compiler/syntax/parse.hpp"
#include "tests/policy_test_support.hpp"

using policyc::testing::check_files;
using policyc::testing::with_skeleton;

TEST_CASE("check: a second constant of the same name points at the first") {
  auto checked = check_files({{"main.policy", with_skeleton("const A = 1\nconst A = 2\n")}});
  CHECK(checked->program == nullptr);
  CHECK(checked->rendered() == R"(main.policy:11:7: error: constant 'A' is already defined [E0201]
const A = 2
      ^
main.policy:10:7: note: 'A' was first defined here as a constant
const A = 1
      ^
)");
}

TEST_CASE("check: an unknown type suggests the closest one") {
  auto checked = check_files({{"main.policy", with_skeleton("record R { a: hostnme }\n")}});
  CHECK(checked->program == nullptr);
  CHECK(checked->rendered() == R"(main.policy:10:15: error: unknown type 'hostnme'; did you mean 'hostname'? [E0203]
record R { a: hostnme }
              ^~~~~~~
)");
}

TEST_CASE("check: a record cannot contain itself except through an optional field") {
  auto checked = check_files({{"main.policy", with_skeleton("record R { a: R }\n")}});
  CHECK(checked->program == nullptr);
  CHECK(checked->rendered() == R"(main.policy:10:12: error: record 'R' contains itself through 'R.a'; make the field optional [E0205]
record R { a: R }
           ^
)");
}

TEST_CASE("check: unique() applies to lists of records") {
  auto checked = check_files({{"main.policy", with_skeleton("record R { a: string unique(b) }\n")}});
  CHECK(checked->program == nullptr);
  CHECK(checked->rendered() == R"(main.policy:10:29: error: unique(b) needs a list of records; 'a' is string [E0206]
record R { a: string unique(b) }
                            ^
)");
}

TEST_CASE("check: unique() names a field of the element record") {
  auto checked = check_files({{"main.policy", with_skeleton("record S { x: string }\nrecord R { a: list<S> = [] unique(y) }\n")}});
  CHECK(checked->program == nullptr);
  CHECK(checked->rendered() == R"(main.policy:11:35: error: 'S' has no field 'y'; did you mean 'x'? [E0202]
record R { a: list<S> = [] unique(y) }
                                  ^
)");
}

TEST_CASE("check: together() takes optional fields only") {
  auto checked = check_files({{"main.policy", with_skeleton("params {\n  a: path\n  b: path?\n  together(a, b)\n}\n")}});
  CHECK(checked->program == nullptr);
  CHECK(checked->rendered() == R"(main.policy:13:12: error: together() needs optional fields without a default; 'a' is required [E0204]
  together(a, b)
           ^
main.policy:11:3: note: declare it as 'a: path?'
  a: path
  ^
)");
}

TEST_CASE("check: a set holds strings") {
  auto checked = check_files({{"main.policy", with_skeleton("record S { x: string }\nset things: S\n")}});
  CHECK(checked->program == nullptr);
  CHECK(checked->rendered() == R"(main.policy:11:13: error: a set holds strings (hostname, cidr, path, string or enum), not S [E0206]
set things: S
            ^
)");
}

TEST_CASE("check: an unknown name suggests the closest one in scope") {
  auto checked = check_files({{"main.policy", with_skeleton("rule r when bottel.on { allowlist += \"a.example\" }\n")}});
  CHECK(checked->program == nullptr);
  CHECK(checked->rendered() == R"(main.policy:10:13: error: unknown name 'bottel'; did you mean 'bottle'? [E0202]
rule r when bottel.on { allowlist += "a.example" }
            ^~~~~~
)");
}

TEST_CASE("check: constants cannot read the manifest") {
  auto checked = check_files({{"main.policy", with_skeleton("const C: bool = bottle.on\n")}});
  CHECK(checked->program == nullptr);
  CHECK(checked->rendered() == R"(main.policy:10:17: error: 'bottle' is known only when a bottle is compiled; a constant or a default cannot use it [E0209]
const C: bool = bottle.on
                ^~~~~~
)");
}

TEST_CASE("check: rules cannot read sets") {
  auto checked = check_files({{"main.policy", with_skeleton("rule r when allowlist == [] { allowlist += \"a.example\" }\n")}});
  CHECK(checked->program == nullptr);
  CHECK(checked->rendered() == R"(main.policy:10:13: error: set 'allowlist' is complete only after every rule has run; read it in the output, not in a rule [E0209]
rule r when allowlist == [] { allowlist += "a.example" }
            ^~~~~~~~~
)");
}

TEST_CASE("check: an unknown field suggests the closest one and shows the record") {
  auto checked = check_files({{"main.policy", with_skeleton("rule r when bottle.of { allowlist += \"a.example\" }\n")}});
  CHECK(checked->program == nullptr);
  CHECK(checked->rendered() == R"(main.policy:10:20: error: 'bottle' has no field 'of'; did you mean 'on'? [E0202]
rule r when bottle.of { allowlist += "a.example" }
                   ^~
main.policy:1:10: note: 'bottle' is declared here
manifest bottle {
         ^~~~~~
)");
}

TEST_CASE("check: an unknown function suggests the closest one") {
  auto checked = check_files({{"main.policy", with_skeleton("rule r { allowlist += sort(bottle.hosts) }\n")}});
  CHECK(checked->program == nullptr);
  CHECK(checked->rendered() == R"(main.policy:10:23: error: unknown function 'sort'; did you mean 'sorted'? [E0202]
rule r { allowlist += sort(bottle.hosts) }
                      ^~~~
)");
}

TEST_CASE("check: each call names its built-in function on the node, resolved once") {
  auto checked = check_files({{"main.policy", with_skeleton("const A: list<string> = sorted([\"b\"])\n"
                                                            "const N: int = len(A)\n"
                                                            "const P: bool = present(A)\n")}});
  REQUIRE(checked->program);
  std::map<std::string, policyc::ast::Builtin> builtins;
  for (const auto& constant : checked->program->constants) {
    builtins[constant.decl->name] = constant.decl->value->builtin;
  }
  CHECK(builtins == std::map<std::string, policyc::ast::Builtin>{{"A", policyc::ast::Builtin::Sorted},
                                                                 {"N", policyc::ast::Builtin::Len},
                                                                 {"P", policyc::ast::Builtin::Present}});
}

TEST_CASE("check: an integer literal past 64 bits is flagged on its node, not in its text") {
  policyc::SourceManager sources;
  policyc::DiagnosticSink diags;
  const policyc::FileId file = sources.add(
      "main.policy", "const BIG: int = 9223372036854775808\nconst MAX: int = 9223372036854775807\n");
  policyc::ast::PolicyFile parsed = policyc::parse_policy(sources, file, diags);
  REQUIRE(parsed.consts.size() == 2);
  CHECK(parsed.consts[0].value->integer_overflow);
  CHECK(parsed.consts[0].value->text.empty());
  CHECK_FALSE(parsed.consts[1].value->integer_overflow);
  CHECK(parsed.consts[1].value->integer == 9223372036854775807);
}

TEST_CASE("check: functions check their argument count") {
  auto checked = check_files({{"main.policy", with_skeleton("rule r { allowlist += sorted(bottle.hosts, bottle.hosts) }\n")}});
  CHECK(checked->program == nullptr);
  CHECK(checked->rendered() == R"(main.policy:10:23: error: 'sorted' takes 1 argument, got 2 [E0211]
rule r { allowlist += sorted(bottle.hosts, bottle.hosts) }
                      ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
)");
}

TEST_CASE("check: a rule adds values of the set element type") {
  auto checked = check_files({{"main.policy", with_skeleton("rule r { allowlist += bottle.on }\n")}});
  CHECK(checked->program == nullptr);
  CHECK(checked->rendered() == R"(main.policy:10:23: error: adding to set 'allowlist' expects hostname, got bool [E0210]
rule r { allowlist += bottle.on }
                      ^~~~~~~~~
)");
}

TEST_CASE("check: a hostname literal is checked where it is written") {
  auto checked = check_files({{"main.policy", with_skeleton("const H: list<hostname> = [\"ok.example\", \"bad host.example\"]\n")}});
  CHECK(checked->program == nullptr);
  CHECK(checked->rendered() == R"(main.policy:10:46: error: "bad host.example" is not a valid hostname: hostname contains whitespace [E0214]
const H: list<hostname> = ["ok.example", "bad host.example"]
                                             ^
)");
}

TEST_CASE("check: an enum literal must be one of the values") {
  auto checked = check_files({{"main.policy", with_skeleton("record R { a: enum(\"block\", \"warn\") = \"blok\" }\n")}});
  CHECK(checked->program == nullptr);
  CHECK(checked->rendered() == R"(main.policy:10:39: error: "blok" is not one of "block", "warn"; did you mean "block"? [E0214]
record R { a: enum("block", "warn") = "blok" }
                                      ^~~~~~
)");
}

TEST_CASE("check: comparing a hostname with an invalid literal is an error, not a silent false") {
  auto checked = check_files({{"main.policy", with_skeleton("rule r when any(h in bottle.hosts: h == \"https://x.example\") { allowlist += \"a.example\" }\n")}});
  CHECK(checked->program == nullptr);
  CHECK(checked->rendered() == R"(main.policy:10:42: error: "https://x.example" is not a valid hostname: hostname contains a scheme 'https://'; did you mean "x.example"? [E0214]
rule r when any(h in bottle.hosts: h == "https://x.example") { allowlist += "a.example" }
                                         ^~~~~~~~
)");
}

TEST_CASE("check: a condition is a bool") {
  auto checked = check_files({{"main.policy", with_skeleton("rule r when bottle.hosts { allowlist += \"a.example\" }\n")}});
  CHECK(checked->program == nullptr);
  CHECK(checked->rendered() == R"(main.policy:10:13: error: a condition must be a bool, got list<hostname> [E0210]
rule r when bottle.hosts { allowlist += "a.example" }
            ^~~~~~~~~~~~
)");
}

TEST_CASE("check: constants cannot depend on themselves") {
  auto checked = check_files({{"main.policy", with_skeleton("const A: list<hostname> = B\nconst B: list<hostname> = A\n")}});
  CHECK(checked->program == nullptr);
  CHECK(checked->rendered() == R"(main.policy:11:27: error: constant 'A' depends on itself [E0208]
const B: list<hostname> = A
                          ^
main.policy:10:7: note: declared here
const A: list<hostname> = B
      ^
)");
}

TEST_CASE("check: {} needs every field to have a default") {
  auto checked = check_files({{"main.policy", with_skeleton("record R { a: string }\nconst C: R = {}\n")}});
  CHECK(checked->program == nullptr);
  CHECK(checked->rendered() == R"(main.policy:11:14: error: 'R' cannot be empty: field 'a' is required [E0213]
const C: R = {}
             ^~
main.policy:10:12: note: declared here
record R { a: string }
           ^
)");
}

TEST_CASE("check: rules add to sets, not constants") {
  auto checked = check_files({{"main.policy", with_skeleton("const C = 1\nrule r { C += \"a.example\" }\n")}});
  CHECK(checked->program == nullptr);
  CHECK(checked->rendered() == R"(main.policy:11:10: error: 'C' is a constant; a rule can only add to a set [E0202]
rule r { C += "a.example" }
         ^
)");
}

// Whole files: output, declarations, imports, syntax.
namespace {
const std::string kManifest = "manifest bottle { on: bool = false }\nset allowlist: hostname\n";
}  // namespace

TEST_CASE("check: output keys are pipelock fields, with did-you-mean") {
  auto checked = check_files({{"main.policy", kManifest+"output pipelock {\n  mode = \"strict\"\n  api_allowlst = allowlist\n  dlp { scan_envs = true }\n}\n"}});
  CHECK(checked->rendered() == R"(main.policy:5:3: error: pipelock 2.3.0 has no top-level field 'api_allowlst'; did you mean 'api_allowlist'? [E0221]
  api_allowlst = allowlist
  ^~~~~~~~~~~~
main.policy:6:9: error: pipelock 2.3.0 has no field 'scan_envs' in 'dlp'; did you mean 'scan_env'? [E0221]
  dlp { scan_envs = true }
        ^~~~~~~~~
)");
}

TEST_CASE("check: sections and values are written as pipelock has them") {
  auto checked = check_files({{"main.policy", kManifest+"output pipelock {\n  dlp = true\n  mode { x = 1 }\n}\n"}});
  CHECK(checked->rendered() == R"(main.policy:4:3: error: 'dlp' is a section in pipelock; write 'dlp { ... }' [E0222]
  dlp = true
  ^~~
main.policy:5:3: error: 'mode' holds a value (enum) in pipelock, not a section; write 'mode = ...' [E0222]
  mode { x = 1 }
  ^~~~
)");
}

TEST_CASE("check: an output key is set once") {
  auto checked = check_files({{"main.policy", kManifest+"output pipelock {\n  mode = \"strict\"\n  mode = \"audit\"\n}\n"}});
  CHECK(checked->rendered() == R"(main.policy:5:3: error: 'mode' is set twice [E0220]
  mode = "audit"
  ^~~~
main.policy:4:3: note: first set here
  mode = "strict"
  ^~~~
)");
}

TEST_CASE("check: enum values pipelock refuses are policy errors") {
  auto checked = check_files({{"main.policy", kManifest+"output pipelock {\n  mode = \"strictest\"\n  request_body_scanning { action = \"strip\" }\n}\n"}});
  CHECK(checked->rendered() == R"(main.policy:4:10: error: "strictest" is not one of "strict", "balanced", "audit"; did you mean "strict"? [E0214]
  mode = "strictest"
         ^~~~~~~~~~~
main.policy:5:36: error: "strip" is not one of "warn", "block" [E0214]
  request_body_scanning { action = "strip" }
                                   ^~~~~~~
)");
}

TEST_CASE("check: output values have the field type, and hostname lists are checked") {
  auto checked = check_files({{"main.policy", kManifest+"output pipelock {\n  enforce = \"yes\"\n  api_allowlist = [\"a.example\", \"b example\"]\n}\n"}});
  CHECK(checked->rendered() == R"(main.policy:4:13: error: pipelock field 'enforce' expects bool, got string [E0210]
  enforce = "yes"
            ^~~~~
main.policy:5:35: error: "b example" is not a valid hostname: hostname contains whitespace [E0214]
  api_allowlist = ["a.example", "b example"]
                                  ^
)");
}

TEST_CASE("check: the output target is pipelock") {
  auto checked = check_files({{"main.policy", kManifest+"output pipelok {\n}\n"}});
  CHECK(checked->rendered() == R"(main.policy:3:8: error: unknown output target 'pipelok'; policyc emits 'pipelock'; did you mean 'pipelock'? [E0221]
output pipelok {
       ^~~~~~~
)");
}

TEST_CASE("check: a policy declares a manifest and an output") {
  auto checked = check_files({{"main.policy", "const A = 1\n"}});
  CHECK(checked->rendered() == R"(main.policy:1:1: error: the policy declares no manifest; add 'manifest bottle { ... }' or import the file that declares it [E0207]
const A = 1
^
main.policy:1:1: error: the policy declares no output; add 'output pipelock { ... }' or import the file that declares it [E0207]
const A = 1
^
)");
}

TEST_CASE("check: an import cycle is reported at the import that closes it") {
  auto checked = check_files({{"main.policy", "import \"a.policy\"\n"}, {"a.policy", "import \"b.policy\"\n"}, {"b.policy", "import \"a.policy\"\n"}});
  CHECK(checked->rendered() == R"(b.policy:1:8: error: import cycle: 'a.policy' imports 'b.policy' imports 'a.policy' [E0102]
import "a.policy"
       ^~~~~~~~~~
a.policy:1:8: note: the cycle starts here
import "b.policy"
       ^~~~~~~~~~
)");
}

TEST_CASE("check: a missing import is reported at the import") {
  auto checked = check_files({{"main.policy", "import \"nowhere.policy\"\n"}});
  CHECK(checked->rendered() == R"(main.policy:1:8: error: cannot import 'nowhere.policy': No such file or directory [E0103]
import "nowhere.policy"
       ^~~~~~~~~~~~~~~~
)");
}

TEST_CASE("check: syntax errors resume at the next declaration and point after the previous token") {
  auto checked = check_files({{"main.policy", "const A = [1, 2\nconst B = 3\nrecord R {\n  a string\n}\nrule r { x = 1 }\n"}});
  CHECK(checked->rendered() == R"(main.policy:1:16: error: expected ',' or ']' [E0101]
const A = [1, 2
               ^
main.policy:4:4: error: expected ':' [E0101]
  a string
   ^
main.policy:6:11: error: expected '+=' (a rule adds to a set: NAME += expression) [E0101]
rule r { x = 1 }
          ^
)");
}

TEST_CASE("check: an unterminated string is reported at the end of its line") {
  auto checked = check_files({{"main.policy", "const A = \"abc\nconst B = 1\n"}});
  CHECK(checked->rendered() == R"(main.policy:1:15: error: unterminated string; close it with '"' on the same line [E0101]
const A = "abc
              ^
)");
}

TEST_CASE("check: the shipped policies check clean") {
  policyc::SourceManager sources;
  policyc::DiagnosticSink diags;
  auto files = policyc::load_policies("policies/pipelock.policy", policyc::EmbeddedSource(), sources, diags);
  auto program = policyc::check_program(std::move(files), sources, diags);
  CHECK(diags.all().empty());
  REQUIRE(program != nullptr);
  CHECK(program->manifest_name == "bottle");
  CHECK(program->params->field_names() == std::vector<std::string>{"ca_cert", "ca_key", "ssrf_ip_allowlist"});
  CHECK(program->rules.size() == 3);
}
