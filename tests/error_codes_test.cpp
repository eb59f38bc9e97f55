// docs/errors.md and the golden cases agree: every documented code is produced by some
// golden case, and every code a golden case produces is documented.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <re2/re2.h>
#include <set>
#include <sstream>

#include "base/file_text.hpp"
#include "cli/cli.hpp"
#include "base/error_docs.hpp"

namespace fs = std::filesystem;
using namespace policyc;

namespace {

// Codes no input can produce: internal consistency checks that mean a policyc bug.
const std::set<std::string> kInternalCodes = {"E0502"};

// The codes of diagnostics in an expected output: text lines ("file:1:2: error: ... [E0203]",
// colored or not) and JSON lines ("code":"E0203").
std::set<std::string> produced_codes() {
  static const RE2 text_code(R"re((?:error|warning)(?:\x1b\[0m)?:.*\[([EW][0-9]{4})\])re");
  static const RE2 json_code(R"re("code":"([EW][0-9]{4})")re");
  std::set<std::string> codes;
  for (const auto& entry :
       fs::recursive_directory_iterator(fs::path(POLICYC_SOURCE_DIR) / "golden")) {
    const std::string name = entry.path().filename().string();
    if (name != "expected.stderr" && name != "expected.yaml") continue;
    const std::string text = policyc::read_file_text(entry.path());
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);) {
      std::string code;
      if (RE2::PartialMatch(line, text_code, &code) || RE2::PartialMatch(line, json_code, &code)) {
        codes.insert(code);
      }
    }
  }
  return codes;
}

std::set<std::string> documented_codes() {
  std::set<std::string> codes;
  for (const ErrorDoc& doc :
       parse_error_docs(policyc::read_file_text(fs::path(POLICYC_SOURCE_DIR) / "docs" / "errors.md"))) {
    codes.insert(doc.code);
  }
  return codes;
}

}  // namespace

TEST_CASE("every documented code is produced by a golden case") {
  const std::set<std::string> produced = produced_codes();
  const std::set<std::string> documented = documented_codes();
  REQUIRE(documented.size() >= 40);
  for (const std::string& code : documented) {
    if (kInternalCodes.count(code)) continue;
    INFO(code << " is in docs/errors.md but no golden case produces it");
    CHECK(produced.count(code) == 1);
  }
}

TEST_CASE("every code a golden case produces is documented") {
  const std::set<std::string> documented = documented_codes();
  for (const std::string& code : produced_codes()) {
    INFO(code << " is produced by a golden case but not explained in docs/errors.md");
    CHECK(documented.count(code) == 1);
  }
}

TEST_CASE("every entry of docs/errors.md has a title, an explanation and both examples") {
  const std::string text = policyc::read_file_text(fs::path(POLICYC_SOURCE_DIR) / "docs" / "errors.md");
  std::set<std::string> seen;
  for (const ErrorDoc& doc : parse_error_docs(text)) {
    INFO(doc.code);
    CHECK(seen.insert(doc.code).second);
    CHECK_FALSE(doc.title.empty());
    const std::size_t wrong = doc.body.find("Wrong:\n\n```");
    const std::size_t fixed = doc.body.find("Fixed:\n\n```");
    CHECK(wrong != std::string::npos);
    CHECK(fixed != std::string::npos);
    CHECK(wrong > 0);  // a paragraph comes first
    CHECK(wrong < fixed);
  }
}

TEST_CASE("the embedded docs are docs/errors.md as built") {
  CHECK(std::string(embedded_error_docs()) ==
        policyc::read_file_text(fs::path(POLICYC_SOURCE_DIR) / "docs" / "errors.md"));
  REQUIRE(find_error_doc("E0203"));
  CHECK(find_error_doc("E0203")->title == "unknown type");
  CHECK(find_error_doc("E9999") == nullptr);
}

TEST_CASE("a heading inside an example does not start an entry") {
  auto docs = parse_error_docs(
      "# Title\n\n## E0001: first\n\nText.\n\nWrong:\n\n```\n## E0002: not a heading\n```\n\n"
      "## W0003: second\n\nMore.\n");
  REQUIRE(docs.size() == 2);
  CHECK(docs[0].code == "E0001");
  CHECK(docs[0].body == "Text.\n\nWrong:\n\n```\n## E0002: not a heading\n```\n");
  CHECK(docs[1].code == "W0003");
  CHECK(docs[1].title == "second");
}

TEST_CASE("policyc errors lists every documented code with its title, sorted by code") {
  const char* argv[] = {"policyc", "errors"};
  std::ostringstream out, err;
  CHECK(run_cli(2, argv, out, err) == 0);
  std::map<std::string, std::string> by_code;
  for (const ErrorDoc& doc : error_docs()) by_code[doc.code] = doc.title;
  std::string expected;
  for (const auto& [code, title] : by_code) expected += code + "  " + title + "\n";
  CHECK(out.str() == expected);
  // docs/errors.md groups E08 and E09 before E07; the list does not.
  CHECK(out.str().find("E0701") < out.str().find("E0801"));
  CHECK(err.str().empty());
}
