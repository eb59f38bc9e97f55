// docs/policyc.1.in and README.md against what `policyc --help` says: every command,
// option and positional documented, nothing documented that is gone, one set of exit
// codes everywhere.
#include <catch2/catch.hpp>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "tests/cli_help_support.hpp"

using namespace policyc::testing;

namespace {

// The man page as text: `\-` is `-`, font changes dropped.
std::string man_text() {
  std::string text = std::regex_replace(read_source("docs/policyc.1.in"), std::regex("\\\\-"), "-");
  return std::regex_replace(text, std::regex("\\\\f[BIRP]"), "");
}

// The text of each `.SH` and `.SS` section of the man page, by heading.
std::map<std::string, std::string> man_sections() {
  std::map<std::string, std::string> sections;
  std::istringstream in(man_text());
  std::string current;
  for (std::string line; std::getline(in, line);) {
    if (line.rfind(".SH ", 0) == 0 || line.rfind(".SS ", 0) == 0) {
      current = line.substr(4);
      continue;
    }
    sections[current] += line + "\n";
  }
  return sections;
}

bool has_word(const std::string& text, const std::string& word) {
  static const std::string word_chars =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-";
  for (std::size_t at = text.find(word); at != std::string::npos; at = text.find(word, at + 1)) {
    const bool starts = at == 0 || word_chars.find(text[at - 1]) == std::string::npos;
    const std::size_t after = at + word.size();
    const bool ends = after == text.size() || word_chars.find(text[after]) == std::string::npos;
    if (starts && ends) return true;
  }
  return false;
}

// Every code of the "Exit codes: 0 ok, 1 invalid ..., 2 usage error." footers, of
// policyc's own help and of each command's (`diff` adds its own), or of policyc's only.
std::set<std::string> help_exit_codes(bool global_only = false) {
  std::set<std::string> codes;
  std::vector<std::string> texts{help({})};
  if (!global_only) {
    for (const std::string& name : commands()) texts.push_back(help({name}));
  }
  for (const std::string& text : texts) {
    std::smatch m;
    REQUIRE(std::regex_search(text, m, std::regex("Exit codes: (.*)")));
    const std::string list = m[1];
    static const std::regex code("(^|, )([0-9]+) ");
    for (std::sregex_iterator it(list.begin(), list.end(), code), end; it != end; ++it) {
      codes.insert((*it)[2]);
    }
  }
  return codes;
}

}  // namespace

TEST_CASE("the man page documents every command of --help and no other") {
  std::map<std::string, std::string> sections = man_sections();
  const std::vector<std::string> names = commands();
  REQUIRE(names.size() >= 3);
  for (const std::string& name : names) {
    INFO("command " << name);
    CHECK(sections.count(name) == 1);
  }
  // Every .SS between COMMANDS and the next .SH is a command.
  std::istringstream in(man_text());
  bool in_commands = false;
  for (std::string line; std::getline(in, line);) {
    if (line.rfind(".SH ", 0) == 0) in_commands = line == ".SH COMMANDS";
    if (in_commands && line.rfind(".SS ", 0) == 0) {
      INFO("man page section " << line);
      CHECK(std::find(names.begin(), names.end(), line.substr(4)) != names.end());
    }
  }
}

TEST_CASE("the man page documents every option and positional of every command") {
  std::map<std::string, std::string> sections = man_sections();
  const std::string shared = sections["DIAGNOSTIC OPTIONS"] + sections["COMMON OPTIONS"];
  for (const std::string& option : options_of({})) {
    INFO("policyc " << option);
    CHECK(has_word(sections["COMMON OPTIONS"], option));
  }
  for (const std::string& name : commands()) {
    for (const std::string& option : options_of({name})) {
      INFO("policyc " << name << " " << option);
      CHECK((has_word(sections[name], option) || has_word(shared, option)));
    }
    for (const std::string& positional : positionals_of(name)) {
      INFO("policyc " << name << " " << positional);
      CHECK(has_word(sections[name], positional));
    }
  }
}

TEST_CASE("every option the man page names exists") {
  std::set<std::string> known;
  for (const std::string& option : options_of({})) known.insert(option);
  for (const std::string& name : commands()) {
    for (const std::string& option : options_of({name})) known.insert(option);
  }
  const std::string text = man_text();
  static const std::regex mention("(^|[^A-Za-z0-9-])(--[a-z][a-z0-9-]*)");
  for (std::sregex_iterator it(text.begin(), text.end(), mention), end; it != end; ++it) {
    INFO("the man page mentions " << (*it)[2]);
    CHECK(known.count((*it)[2]) == 1);
  }
}

TEST_CASE("the exit codes of --help, the man page and README.md are the same") {
  const std::set<std::string> codes = help_exit_codes();
  REQUIRE(codes.count("0") == 1);
  std::set<std::string> in_man;
  std::smatch m;
  std::string status = man_sections()["EXIT STATUS"];
  static const std::regex tagged("\\.TP\\n\\.B ([0-9]+)\\n");
  for (std::sregex_iterator it(status.begin(), status.end(), tagged), end; it != end; ++it) {
    in_man.insert((*it)[1]);
  }
  CHECK(in_man == codes);

  const std::string readme = read_source("README.md");
  const std::size_t table = readme.find("## Exit codes");
  REQUIRE(table != std::string::npos);
  std::istringstream rows(readme.substr(table, readme.find("\n## ", table + 1) - table));
  std::set<std::string> in_readme;
  static const std::regex row("\\| *`?([0-9]+)`? *\\|.*");
  for (std::string line; std::getline(rows, line);) {
    if (std::regex_match(line, m, row)) in_readme.insert(m[1]);
  }
  CHECK(in_readme == codes);
}

TEST_CASE("policyc --help lists every exit code any command has") {
  CHECK(help_exit_codes(true) == help_exit_codes());
}
