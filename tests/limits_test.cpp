// Limits instead of crashes: hostile policies (deep nesting, long chains, huge files,
// import chains, self-building defaults) end in one clear error naming the limit.
#include <catch2/catch.hpp>

#include "compiler/syntax/limits.hpp"
#include "policy_test_support.hpp"

using policyc::testing::check_files;
using policyc::testing::with_skeleton;

namespace {

std::string repeat(const std::string& s, std::size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (std::size_t i = 0; i < n; ++i) out += s;
  return out;
}

// The diagnostics of checking `body` in a valid skeleton, as "line:col: message [code]".
std::vector<std::string> errors_of(const std::string& body) {
  auto checked = check_files({{"main.policy", with_skeleton(body)}});
  std::vector<std::string> out;
  for (const policyc::Diagnostic& d : checked->diags.sorted()) {
    out.push_back(checked->sources.location(d.range) + ": " + d.message + " [" + d.code + "]");
  }
  return out;
}

const std::string kNesting =
    "expressions, types and output sections nest deeper than 100 levels (limit); split the "
    "expression with constants [E0801]";
const std::string kDepth =
    "expression is nested more than 256 levels deep, counting each operator of a chain "
    "(limit); split it with constants [E0802]";

// The skeleton takes 9 lines; a body starts on line 10.
std::string at(int col, const std::string& message) {
  return "main.policy:10:" + std::to_string(col) + ": " + message;
}

}  // namespace

TEST_CASE("100 levels of nesting are allowed, the 101st is an error") {
  CHECK(errors_of("const X = " + repeat("(", 100) + "true" + repeat(")", 100)).empty());
  CHECK(errors_of("const X = " + repeat("not ", 100) + "true").empty());
  CHECK(errors_of("const X: " + repeat("list<", 100) + "bool" + repeat(">", 100) + " = []")
            .empty());
  CHECK(errors_of("const X = " + repeat("(", 101) + "true" + repeat(")", 101)) ==
        std::vector<std::string>{at(112, kNesting)});
  CHECK(errors_of("const X = " + repeat("not ", 101) + "true") ==
        std::vector<std::string>{at(411, kNesting)});
}

TEST_CASE("100,000 levels of nesting stop at the limit, without a stack overflow") {
  const std::size_t n = 100000;
  for (const auto& [open, close] : std::vector<std::pair<std::string, std::string>>{
           {"(", ")"}, {"[", "]"}, {"not ", ""}, {"len(", ")"},
           {"any(x in [", "]: true)"}, {"[x for x in ", "]"}}) {
    INFO(open);
    auto errors = errors_of("const X = " + repeat(open, n) + "true" + repeat(close, n));
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].find(kNesting) != std::string::npos);
  }
  auto types = errors_of("const X: " + repeat("map<", n) + "bool" + repeat(">", n) + " = {}");
  REQUIRE(types.size() == 1);
  CHECK(types[0] == at(414, kNesting));  // the 101st "map<"
  auto sections = errors_of("output deep {" + repeat(" a {", n) + repeat(" }", n) + " }");
  REQUIRE(sections.size() == 1);
  CHECK(sections[0] == at(417, kNesting));  // the 101st "{"
}

TEST_CASE("a chain of 256 operands is allowed, 257 is an error") {
  const auto chain = [](std::size_t n) { return "const X = true" + repeat(" and true", n - 1); };
  CHECK(errors_of(chain(256)).empty());
  CHECK(errors_of(chain(257)) == std::vector<std::string>{at(11, kDepth)});
}

TEST_CASE("100,000 operators on one 1 MB line: an error, quickly") {
  const std::vector<std::string> operators = {" and true", " or true", " + []", " == true"};
  for (const std::string& op : operators) {
    INFO(op);
    const std::string unit = op == " + []" ? "[]" : "true";
    auto errors = errors_of("const X = " + unit + repeat(op, 100000));
    if (op == " == true") {
      // `==` does not chain: the second one is a syntax error.
      REQUIRE_FALSE(errors.empty());
      CHECK(errors[0].find("[E0101]") != std::string::npos);
    } else {
      CHECK(errors == std::vector<std::string>{at(11, kDepth)});
    }
  }
  auto members = errors_of("const X = bottle" + repeat(".on", 100000));
  CHECK(members == std::vector<std::string>{at(11, kDepth)});
  // Finding token ends used to scan back to the start of the line for each token: this
  // test then ran for hours instead of seconds, and ctest's timeout failed it.
}

TEST_CASE("a 1 MB line of hostnames compiles") {
  std::string hosts;
  for (int i = 0; i < 50000; ++i) hosts += (i ? ", \"h" : "\"h") + std::to_string(i) + ".io\"";
  auto checked = check_files({{"main.policy", with_skeleton("const H: list<hostname> = [" +
                                                            hosts + "]\nrule r { allowlist += H }")}});
  CHECK(checked->rendered() == "");
  CHECK(checked->program != nullptr);
}

TEST_CASE("a chain of 100 constants defined through one another is allowed, not 101") {
  const auto chain = [](int n) {
    std::string body = "const C0 = true\n";
    for (int i = 1; i <= n; ++i) {
      body += "const C" + std::to_string(i) + " = C" + std::to_string(i - 1) + "\n";
    }
    // Checked from the far end, so the checker walks the whole chain at once.
    return "const TOP = C" + std::to_string(n) + "\n" + body;
  };
  CHECK(errors_of(chain(98)).empty());  // TOP, C98, ..., C0
  CHECK(errors_of(chain(150)) ==
        std::vector<std::string>{"main.policy:62:7: a chain of constants defined through one "
                                 "another grows past 100 here, at 'C51' (limit) [E0806]"});
  // A long chain is refused without recursing along it.
  CHECK(errors_of(chain(20000)).size() == 1);
}

TEST_CASE("a record whose defaults build itself is an error") {
  CHECK(errors_of("record A { b: A? = {} }\nconst X: A = {}") ==
        std::vector<std::string>{
            "main.policy:10:20: the default of 'A.b' builds a 'A' from its defaults, which "
            "build it again without end; remove one of these defaults [E0807]"});
  CHECK(errors_of("record A { b: list<B> = [{}] }\nrecord B { a: A? = {} }") ==
        std::vector<std::string>{
            "main.policy:11:20: the default of 'B.a' builds a 'A' from its defaults, which "
            "build it again without end; remove one of these defaults [E0807]"});
}

TEST_CASE("records built from defaults nest 100 levels at most") {
  const auto chain = [](int n) {
    std::string body;
    for (int i = 0; i < n; ++i) {
      body += "record R" + std::to_string(i) + " { x: R" + std::to_string(i + 1) + " = {} }\n";
    }
    return body + "record R" + std::to_string(n) + " { y: bool = true }\n";
  };
  CHECK(errors_of(chain(99)).empty());
  CHECK(errors_of(chain(200)) ==
        std::vector<std::string>{"main.policy:10:21: records built from defaults nest more "
                                 "than 100 levels deep from 'R0.x' (limit) [E0808]"});
}

TEST_CASE("a chain of 20,000 records is checked in linear time") {
  std::string body = "record Top { r: R0? }\n";
  for (int i = 0; i < 20000; ++i) {
    body += "record R" + std::to_string(i) + " { x: R" + std::to_string(i + 1) + " }\n";
  }
  body += "record R20000 { x: R0 }\n";  // and the whole chain is one cycle
  // The cycle check used to walk every record's reachable records: hours for this.
  auto errors = errors_of(body);
  REQUIRE(errors.size() == 20001);
  CHECK(errors.back() ==
        "main.policy:20011:17: record 'R0' contains itself through 'R20000.x'; make the "
        "field optional [E0205]");
}

TEST_CASE("imports nest 32 levels and a policy has 256 files at most") {
  const auto chain = [](int n) {
    std::map<std::string, std::string> files{{"main.policy", with_skeleton("import \"f1.policy\"")}};
    for (int i = 1; i <= n; ++i) {
      files["f" + std::to_string(i) + ".policy"] =
          i < n ? "import \"f" + std::to_string(i + 1) + ".policy\"\n" : "";
    }
    return check_files(files);
  };
  CHECK(chain(31)->rendered() == "");
  CHECK(chain(40)->rendered() ==
        "f31.policy:1:8: error: imports nest deeper than 32 levels (limit) [E0804]\n"
        "import \"f32.policy\"\n"
        "       ^~~~~~~~~~~~\n");

  std::string imports;
  std::map<std::string, std::string> files;
  for (int i = 1; i <= 300; ++i) {
    imports += "import \"g" + std::to_string(i) + ".policy\"\n";
    files["g" + std::to_string(i) + ".policy"] = "";
  }
  files["main.policy"] = with_skeleton(imports);
  auto wide = check_files(files);
  REQUIRE(wide->diags.all().size() == 1);
  CHECK(wide->sources.location(wide->diags.all()[0].range) == "main.policy:265:8");
  CHECK(wide->diags.all()[0].message == "a policy is made of at most 256 files (limit)");
}

TEST_CASE("a policy file over 4 MiB is refused before parsing") {
  auto checked = check_files(
      {{"main.policy", with_skeleton("const X = \"" + std::string(4u << 20, 'x') + "\"")}});
  CHECK(checked->rendered() ==
        "policyc: error: policy file 'main.policy' is larger than 4 MiB (limit) [E0803]\n");
}
