// base/idna: internationalized names as libidn2 2.3 converts them (IDNA2008, UTS #46
// non-transitional processing).
#include "base/idna.hpp"

#include <catch2/catch.hpp>

using policyc::to_a_label;
using policyc::to_u_label;

namespace {

using Name = std::optional<std::string>;

std::string refusal(Name (*convert)(const std::string&, std::string*), const std::string& name) {
  std::string why;
  const Name converted = convert(name, &why);
  INFO(name << " -> " << converted.value_or("(nothing)"));
  CHECK_FALSE(converted);
  return why;
}

}  // namespace

TEST_CASE("A-labels: lowercase, UTS #46 mapping, ASCII names unchanged", "[idna]") {
  CHECK(to_a_label("bücher.example") == Name("xn--bcher-kva.example"));
  CHECK(to_a_label("ÉCOLE.fr") == Name("xn--cole-9oa.fr"));
  CHECK(to_a_label("BÜCHER.example") == Name("xn--bcher-kva.example"));
  // Non-transitional: 'ß' is a letter of its own, not "ss".
  CHECK(to_a_label("straße.de") == Name("xn--strae-oqa.de"));
  // U+3002, the ideographic full stop, separates labels like '.'.
  CHECK(to_a_label("bücher\u3002example") == Name("xn--bcher-kva.example"));
  CHECK(to_a_label("*.bücher.example") == Name("*.xn--bcher-kva.example"));
  CHECK(to_a_label("example.com") == Name("example.com"));
  CHECK(to_a_label("xn--BCHER-KVA.example") == Name("xn--bcher-kva.example"));
}

TEST_CASE("U-labels round trip with A-labels", "[idna]") {
  for (const std::string name : {"bücher.example", "straße.de", "аррӏе.com", "עברית.com"}) {
    const Name ascii = to_a_label(name);
    REQUIRE(ascii);
    CHECK(to_u_label(*ascii) == Name(name));
  }
  CHECK(to_u_label("xn--BCHER-KVA") == Name("bücher"));
  CHECK(to_u_label("xn--80ak6aa92e.com") == Name("аррӏе.com"));
}

TEST_CASE("names libidn2 refuses, with its reason", "[idna]") {
  CHECK(refusal(to_a_label, "😀.example") == "string contains a disallowed character");
  CHECK(refusal(to_a_label, "a\u200db.example") ==
        "string contains a forbidden context-j character");
  CHECK(refusal(to_a_label, "a\u0661.com") == "string has forbidden bi-directional properties");
  CHECK(refusal(to_a_label, "a\xff.com") == "string encoding error");
  CHECK(refusal(to_a_label, std::string("b\xc3\xbc\0x.de", 8)) == "string contains a NUL byte");
}

TEST_CASE("xn-- labels that are not valid punycode or not IDNA2008", "[idna]") {
  CHECK(refusal(to_u_label, "xn--zz.example") == "string contains invalid punycode data");
  CHECK(refusal(to_u_label, "xn--") == "string contains invalid punycode data");
  CHECK(refusal(to_u_label, "xn--a-\xc3\xa9") == "string contains invalid punycode data");
  // Valid punycode of a disallowed character (an emoji), or of nothing IDNA2008 allows.
  CHECK(refusal(to_u_label, "xn--ls8h.la") == "string contains a disallowed character");
  CHECK_FALSE(refusal(to_u_label, "xn--abc").empty());
}
