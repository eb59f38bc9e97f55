// The editor grammars against the language: every keyword of grammar/policy_grammar.hpp,
// every builtin function and every primitive type is highlighted by the TextMate grammar
// and the Vim syntax, and the VS Code manifest points at the grammar it ships.
#include <yaml-cpp/yaml.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

using namespace std::string_literals;

namespace {

std::string read_source(const std::string& relative) {
  std::ifstream in(std::string(POLICYC_SOURCE_DIR) + "/" + relative, std::ios::binary);
  REQUIRE(in.good());
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// `struct kw_import : kw< TAO_PEGTL_STRING( "import" ) > {};` gives "import".
std::set<std::string> language_keywords() {
  const std::string grammar = read_source("grammar/policy_grammar.hpp");
  static const std::regex keyword(
      "struct kw_\\w+\\s*:\\s*kw<\\s*TAO_PEGTL_STRING\\(\\s*\"(\\w+)\"\\s*\\)");
  std::set<std::string> words;
  for (std::sregex_iterator it(grammar.begin(), grammar.end(), keyword), end; it != end; ++it) {
    words.insert((*it)[1]);
  }
  return words;
}

// Builtins from `kBuiltins[] = {{"sorted", ast::Builtin::Sorted, ...}, ...}` in compiler/check/builtins.hpp.
std::set<std::string> builtin_functions() {
  const std::string checker = read_source("compiler/check/builtins.hpp");
  std::smatch m;
  REQUIRE(std::regex_search(checker, m, std::regex("kBuiltins\\[\\] = \\{([^;]*)\\};")));
  const std::string list = m[1];
  std::set<std::string> names;
  static const std::regex quoted("\"(\\w+)\"");
  for (std::sregex_iterator it(list.begin(), list.end(), quoted), end; it != end; ++it) {
    names.insert((*it)[1]);
  }
  return names;
}

void collect_patterns(const YAML::Node& node, std::string& out) {
  if (node.IsMap()) {
    for (const auto& entry : node) {
      const std::string key = entry.first.as<std::string>();
      if ((key == "match" || key == "begin") && entry.second.IsScalar()) {
        out += entry.second.as<std::string>() + "\n";
      } else {
        collect_patterns(entry.second, out);
      }
    }
  } else if (node.IsSequence()) {
    for (const YAML::Node& child : node) collect_patterns(child, out);
  }
}

// Whether a regular expression (TextMate's or Vim's) names `word`; escapes such as
// `\b`, `\s` and Vim's `\<`, `\ze` do not count as letters around it.
bool names_word(const std::string& patterns, const std::string& word) {
  const std::string text = std::regex_replace(patterns, std::regex("\\\\(z[es]|[A-Za-z<>])"), " ");
  return std::regex_search(text, std::regex("(^|[^A-Za-z0-9_])" + word + "($|[^A-Za-z0-9_])"));
}

// yaml-cpp reads JSON: the grammar file is one flow mapping.
YAML::Node textmate_grammar() {
  return YAML::Load(read_source("editors/vscode/syntaxes/policy.tmLanguage.json"));
}

}  // namespace

TEST_CASE("the language's keywords are found where the test looks for them") {
  std::set<std::string> keywords = language_keywords();
  CHECK(keywords.size() >= 20);
  CHECK(keywords.count("import") == 1);
  CHECK(keywords.count("together") == 1);
  CHECK(builtin_functions() ==
        std::set<std::string>{"flatten", "keys", "len", "present", "sorted", "values"});
}

TEST_CASE("the TextMate grammar highlights every keyword, builtin and type") {
  YAML::Node grammar = textmate_grammar();
  CHECK(grammar["scopeName"].as<std::string>() == "source.policy");
  std::string patterns;
  collect_patterns(grammar, patterns);
  std::set<std::string> words = language_keywords();
  for (const std::string& f : builtin_functions()) words.insert(f);
  for (const char* type : {"bool", "int", "string", "hostname", "path", "cidr"}) words.insert(type);
  for (const std::string& word : words) {
    INFO(word);
    CHECK(names_word(patterns, word));
  }
}

TEST_CASE("the Vim syntax highlights every keyword, builtin and type") {
  std::string rules;
  std::istringstream vim(read_source("editors/vim/syntax/policy.vim"));
  for (std::string line; std::getline(vim, line);) {
    if (line.rfind("syn ", 0) == 0) rules += line + "\n";
  }
  std::set<std::string> words = language_keywords();
  for (const std::string& f : builtin_functions()) words.insert(f);
  for (const char* type : {"bool", "int", "string", "hostname", "path", "cidr"}) words.insert(type);
  for (const std::string& word : words) {
    INFO(word);
    CHECK(names_word(rules, word));
  }
  CHECK(read_source("editors/vim/ftdetect/policy.vim").find("*.policy setfiletype policy") !=
        std::string::npos);
}

TEST_CASE("the VS Code extension manifest ships the grammar, at the project's version") {
  YAML::Node manifest = YAML::Load(read_source("editors/vscode/package.json"));
  CHECK(manifest["version"].as<std::string>() == POLICYC_VERSION);
  YAML::Node language = manifest["contributes"]["languages"][0];
  CHECK(language["id"].as<std::string>() == "policy");
  CHECK(language["extensions"][0].as<std::string>() == ".policy");
  const std::filesystem::path folder = std::filesystem::path(POLICYC_SOURCE_DIR) / "editors/vscode";
  CHECK(std::filesystem::exists(folder / language["configuration"].as<std::string>()));
  YAML::Node contributed = manifest["contributes"]["grammars"][0];
  CHECK(contributed["language"].as<std::string>() == "policy");
  CHECK(contributed["scopeName"].as<std::string>() ==
        textmate_grammar()["scopeName"].as<std::string>());
  CHECK(contributed["path"].as<std::string>() == "./syntaxes/policy.tmLanguage.json");
  // The language configuration is JSON too, and names `#` as the comment.
  YAML::Node configuration = YAML::Load(read_source("editors/vscode/language-configuration.json"));
  CHECK(configuration["comments"]["lineComment"].as<std::string>() == "#");
}
