// Config value shapes for `validate`, matched without recursion: each agrees with the
// regular expression it replaced, and a megabyte-long value is no stack overflow.
#include <re2/re2.h>

#include <catch2/catch.hpp>

#include "pipelock/schema/text_shapes.hpp"

using namespace policyc;

namespace {

const std::vector<std::string>& samples() {
  static const std::vector<std::string> values = {
      "", "http://a", "HTTPS://example.com/path?q#f", "http://", "http:///x", "http://a b",
      "http://a/b c", "http://a\nb", "http://a/\r", "ftp://a", "ws://a:1/x", "x+y.z-w://h",
      "1ab://h", "://h", "http:/a", "http://[::1]:80/", "127.0.0.1:9090", ":9090", "[::1]:1",
      "[::1]:123456", "[zz]:1", "a:b:1", "host:", "[]:1", "udp://h:514", "tcp://[::1]:1",
      "udp://:1", "udp://a/b:1", "udp://a b:1", "TCP://h:1", "_X1", "1X", "X-Y", "image/png",
      "image/", "image/svg+xml", "image/PNG", "http://a#\x85", "http://\x85"};
  return values;
}

// The expressions were ECMAScript's (std::regex), over bytes: in RE2, Latin-1 keeps one
// byte a character, [\t-\r ] is ECMAScript's \s and [^\n\r] its `.`.
bool matches(const std::string& text, const char* pattern) {
  RE2::Options options;
  options.set_encoding(RE2::Options::EncodingLatin1);
  const RE2 re(pattern, options);
  REQUIRE(re.ok());
  return RE2::FullMatch(text, re);
}

}  // namespace

TEST_CASE("text shapes agree with the regular expressions they replaced") {
  for (const std::string& s : samples()) {
    INFO("'" << s << "'");
    CHECK(is_url_with_host(s, true) ==
          matches(s, "(?i:https?)://[^/?#\\t-\\r ]+([/?#][^\\n\\r]*)?"));
    CHECK(is_url_with_host(s, false) ==
          matches(s, "[A-Za-z][A-Za-z0-9+.-]*://[^/?#\\t-\\r ]+[^\\n\\r]*"));
    CHECK(is_host_port(s) == matches(s, "(\\[[0-9A-Fa-f:.]+\\]|[^:\\[\\]]*):[0-9]{1,5}"));
    CHECK(is_syslog_address(s) == matches(s, "(udp|tcp)://[^/\\t-\\r ]+:[0-9]{1,5}"));
    CHECK(is_env_var_name(s) == matches(s, "[A-Za-z_][A-Za-z0-9_]*"));
    CHECK(is_image_type(s) == matches(s, "image/[a-z0-9.+-]+"));
  }
}

TEST_CASE("megabyte-long values are matched without a stack overflow") {
  const std::string long_part(1 << 20, 'a');
  CHECK(is_url_with_host("http://x/" + long_part, true));
  CHECK(is_url_with_host("wss://" + long_part, false));
  CHECK(is_host_port(long_part + ":80"));
  CHECK(is_syslog_address("udp://" + long_part + ":514"));
  CHECK(is_env_var_name(long_part));
  CHECK(is_image_type("image/" + long_part));
}
