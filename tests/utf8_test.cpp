// The one UTF-8 decoder (base/utf8.hpp): what it accepts is exactly RFC 3629, and
// everything else is one byte, not valid, so every reader steps past it the same way.
#include "base/utf8.hpp"

#include <catch2/catch.hpp>
#include <string>

using namespace policyc;

namespace {

// `valid length code` of the character at 0.
std::string decoded(const std::string& text) {
  const Utf8Char c = decode_utf8(text, 0);
  return std::string(c.valid ? "valid " : "invalid ") + std::to_string(c.length) + " " +
         std::to_string(static_cast<unsigned>(c.code));
}

}  // namespace

TEST_CASE("decode_utf8 reads one to four bytes of well-formed UTF-8") {
  CHECK(decoded("a") == "valid 1 97");
  CHECK(decoded(std::string(1, '\0')) == "valid 1 0");
  CHECK(decoded("\xC3\xA9x") == "valid 2 233");             // U+00E9
  CHECK(decoded("\xE2\x80\xA8") == "valid 3 8232");          // U+2028
  CHECK(decoded("\xEF\xBF\xBF") == "valid 3 65535");         // U+FFFF
  CHECK(decoded("\xF0\x9F\x98\x80") == "valid 4 128512");    // U+1F600
  CHECK(decoded("\xF4\x8F\xBF\xBF") == "valid 4 1114111");   // U+10FFFF
  CHECK(decode_utf8("a\xC3\xA9", 1).code == 0xE9);
}

TEST_CASE("decode_utf8 takes anything else as one invalid byte") {
  CHECK(decoded("\x80") == "invalid 1 128");           // a continuation byte alone
  CHECK(decoded("\xC0\xAF") == "invalid 1 192");       // overlong '/'
  CHECK(decoded("\xC1\xBF") == "invalid 1 193");
  CHECK(decoded("\xE0\x9F\xBF") == "invalid 1 224");   // overlong U+07FF
  CHECK(decoded("\xF0\x8F\xBF\xBF") == "invalid 1 240");  // overlong U+FFFF
  CHECK(decoded("\xED\xA0\x80") == "invalid 1 237");   // surrogate U+D800
  CHECK(decoded("\xF4\x90\x80\x80") == "invalid 1 244");  // past U+10FFFF
  CHECK(decoded("\xF5\x80\x80\x80") == "invalid 1 245");
  CHECK(decoded("\xFF") == "invalid 1 255");
  CHECK(decoded("\xE2\x80") == "invalid 1 226");       // truncated at the end
  CHECK(decoded("\xE2\x80x") == "invalid 1 226");      // cut short by ASCII
  // A sequence is not read past the view it is given.
  CHECK(!decode_utf8(std::string_view("\xC3\xA9", 1), 0).valid);
}
