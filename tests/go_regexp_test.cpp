#include "pipelock/schema/go_regexp.hpp"

#include <catch2/catch.hpp>
#include <string>

using namespace policyc;

TEST_CASE("a Go regexp is judged by RE2, in RE2's words") {
  CHECK(go_regexp_error("AKIA[0-9A-Z]{16}") == "");
  CHECK(go_regexp_error("(?i)sk-[a-z0-9]{20,}\\b") == "");
  CHECK(go_regexp_error("(AKIA") == "missing ): (AKIA");
  CHECK(go_regexp_error("[a-") == "missing ]: [a-");
  CHECK(go_regexp_error("x{2,1}") == "invalid repetition size: {2,1}");
  CHECK(go_regexp_error("a(?=b)") == "invalid perl operator: (?=");
  CHECK(go_regexp_error("(a)\\1") == "invalid escape sequence: \\1");
}

TEST_CASE("where Go and RE2 part, the Go regexp is judged as Go does") {
  CHECK(go_regexp_error("secret\\C+") == "invalid escape sequence: \\C");
  CHECK(go_regexp_error("(?<key>sk-[a-z]+)") == "");  // Go 1.22's named group
  CHECK(go_regexp_error("(?P<key>sk-[a-z]+)") == "");
  CHECK(go_regexp_error("\\Q\\C(?<\\E") == "");  // literal between \Q and \E
  CHECK(go_regexp_error("(?<=a)b") != "");        // lookbehind, not a name
}

TEST_CASE("a long pattern is judged in linear time") {
  CHECK(go_regexp_error(std::string(1 << 16, 'a') + "(b").rfind("missing ): ", 0) == 0);
}
