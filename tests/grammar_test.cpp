// Grammar rules one at a time, and the grammar as a whole.
#include <catch2/catch.hpp>
#include <tao/pegtl/contrib/analyze.hpp>

#include "grammar/policy_errors.hpp"
#include "grammar/policy_grammar.hpp"

namespace pegtl = tao::pegtl;
namespace g = policyc::grammar;

namespace {

// Whether `Rule` matches all of `text`.
template <typename Rule>
bool matches(const std::string& text) {
  pegtl::memory_input<> in(text, "test");
  try {
    return pegtl::parse<pegtl::seq<Rule, pegtl::eof>, pegtl::nothing, g::control>(in);
  } catch (const pegtl::parse_error&) {
    return false;
  }
}

// The message of the parse error `Rule` raises on `text`, or "" when it parses.
template <typename Rule>
std::string error_of(const std::string& text) {
  pegtl::memory_input<> in(text, "test");
  try {
    pegtl::parse<pegtl::seq<Rule, pegtl::eof>, pegtl::nothing, g::control>(in);
    return "";
  } catch (const pegtl::parse_error& e) {
    return std::string(e.what());
  }
}

}  // namespace

TEST_CASE("the grammar has no rule that can loop without consuming input") {
  CHECK(pegtl::analyze<g::policy_file>(1) == 0);
}

TEST_CASE("names exclude keywords but not words that start with one") {
  CHECK(matches<g::name>("allowlist"));
  CHECK(matches<g::name>("rules"));
  CHECK(matches<g::name>("Name"));
  CHECK_FALSE(matches<g::name>("rule"));
  CHECK_FALSE(matches<g::name>("9lives"));
  // Keys of the output and of record literals name pipelock's fields, keywords included.
  CHECK(matches<g::key>("output"));
  CHECK(matches<g::key>("rule"));
  CHECK_FALSE(matches<g::key>("9lives"));
}

TEST_CASE("record literals") {
  CHECK(matches<g::expr>("{}"));
  CHECK(matches<g::expr>("{ name = \"acme\", regex = \"acme_[a-z]+\" }"));
  CHECK(matches<g::expr>("{ a = 1, b = [{ c = true },], }"));
  CHECK(matches<g::expr>("{ rule = \"W1\", path = \"x\" }"));
  CHECK(matches<g::expr>("[{ host = h } for h in hosts]"));
  CHECK(error_of<g::expr>("{ a 1 }") == "test:1:5: expected '='");
  CHECK(error_of<g::expr>("{ a = }") == "test:1:7: expected an expression");
  CHECK(error_of<g::expr>("{ a = 1 b = 2 }") == "test:1:9: expected ',' or '}'");
  CHECK(error_of<g::expr>("{ 1 }") == "test:1:3: expected a field ('name = expression') or '}'");
}

TEST_CASE("comments and blank lines are trivia after any token") {
  CHECK(matches<g::skip>("  # a comment\n\t\n# another\n"));
  CHECK(matches<g::name>("host # trailing comment"));
}

TEST_CASE("string literals take four escapes and stay on one line") {
  CHECK(matches<g::string_lit>(R"("a \"quoted\" \\ word\n\t")"));
  CHECK(error_of<g::string_lit>(R"("bad \q")") == "test:1:7: unknown escape sequence; use \\\" \\\\ \\n or \\t");
  CHECK(error_of<g::string_lit>("\"open\nnext\"") ==
        "test:1:6: unterminated string; close it with '\"' on the same line");
}

TEST_CASE("types") {
  CHECK(matches<g::type>("hostname"));
  CHECK(matches<g::type>("list<hostname?>"));
  CHECK(matches<g::type>("map<list<string>>?"));
  CHECK(matches<g::type>("enum(\"block\", \"warn\")"));
  CHECK(error_of<g::type>("list<hostname") == "test:1:14: expected '>'");
  CHECK(error_of<g::type>("enum(\"a\" \"b\")") == "test:1:10: expected ',' or ')'");
}

TEST_CASE("expressions") {
  CHECK(matches<g::expr>("bottle.egress_proxy.routes != []"));
  CHECK(matches<g::expr>("[route.host for route in bottle.egress_proxy.routes]"));
  CHECK(matches<g::expr>("[h for h in xs if present(h) and not h == \"x\"]"));
  CHECK(matches<g::expr>("any(r in routes: r.host == \"api.anthropic.com\")"));
  CHECK(matches<g::expr>("all(r in routes: r.role in [\"a\", \"b\",])"));
  CHECK(matches<g::expr>("sorted(A + B)"));
  CHECK(matches<g::expr>("(a or b) and not c"));
  CHECK(matches<g::expr>("{}"));
  CHECK(error_of<g::expr>("[a b]") == "test:1:4: expected ',' or ']'");
  CHECK(error_of<g::expr>("a and") == "test:1:6: expected an expression after 'and'");
  CHECK(error_of<g::expr>("any(r routes: x)") == "test:1:7: expected 'in'");
  CHECK(error_of<g::expr>("x.") == "test:1:3: expected a field name after '.'");
}

TEST_CASE("declarations") {
  CHECK(matches<g::declaration>("import \"bottle.policy\""));
  CHECK(matches<g::declaration>("const A: list<hostname> = [\"a.example\"]"));
  CHECK(matches<g::declaration>("record R { a: string  b: bool = false unique(x) removed c \"gone\" }"));
  CHECK(matches<g::declaration>("params { a: path? b: path? together(a, b) }"));
  CHECK(matches<g::declaration>("set allowlist: hostname"));
  CHECK(matches<g::declaration>("rule r when x { allowlist += y }"));
  CHECK(matches<g::declaration>("output pipelock { a = 1 b when c { d = true } }"));
  CHECK(matches<g::declaration>("output pipelock { logging { output = \"file\" } }"));
  CHECK(error_of<g::declaration>("rule r { allowlist = y }") ==
        "test:1:20: expected '+=' (a rule adds to a set: NAME += expression)");
  CHECK(error_of<g::declaration>("record R { a string }") == "test:1:14: expected ':'");
  CHECK(error_of<g::declaration>("output pipelock { a }") ==
        "test:1:21: expected '= expression' or '{' after the output key");
  CHECK(error_of<g::policy_file>("constant X = 1") ==
        "test:1:1: expected a declaration: import, const, let, record, manifest, params, set, rule or output");
}

TEST_CASE("renamed members, and 'renamed' still a field name elsewhere") {
  CHECK(matches<g::declaration>("manifest b { egress: E? renamed egress_proxy -> egress }"));
  CHECK(matches<g::declaration>("record R { renamed old->new  new: int }"));
  CHECK(matches<g::declaration>("record R { renamed: bool renamed_x: int = 1 }"));
  CHECK(matches<g::expr>("b.renamed"));
  CHECK(error_of<g::declaration>("record R { renamed -> b }") ==
        "test:1:20: expected the old key after 'renamed' (renamed OLD -> NEW)");
  CHECK(error_of<g::declaration>("record R { renamed a b }") ==
        "test:1:22: expected '->' between the old key and its new name");
  CHECK(error_of<g::declaration>("record R { renamed a -> }") ==
        "test:1:25: expected the field the old key is now called after '->'");
  CHECK(error_of<g::declaration>("record R { renamed a => b }") ==
        "test:1:22: expected '->' between the old key and its new name");
  CHECK(error_of<g::declaration>("record R { 1 }") ==
        "test:1:12: expected a field ('name: type'), 'removed', 'renamed', 'together' or '}'");
}
