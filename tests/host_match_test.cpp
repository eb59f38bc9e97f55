#include "pipelock/schema/host_match.hpp"

#include <catch2/catch.hpp>

using namespace policyc;

TEST_CASE("api_allowlist wildcards cover the apex, passthrough wildcards do not") {
  CHECK(host_matches("*.example.com", "example.com", WildcardApex::Included));
  CHECK(host_matches("*.example.com", "a.b.example.com", WildcardApex::Included));
  CHECK_FALSE(host_matches("*.example.com", "example.com", WildcardApex::Excluded));
  CHECK(host_matches("*.example.com", "a.example.com", WildcardApex::Excluded));
  CHECK_FALSE(host_matches("*.example.com", "badexample.com", WildcardApex::Included));
  CHECK_FALSE(host_matches("example.com", "a.example.com", WildcardApex::Included));
}

TEST_CASE("matching ignores case, and a trailing dot only where MatchDomain does") {
  CHECK(host_matches("API.GitHub.com", "api.github.com", WildcardApex::Included));
  CHECK(host_matches("api.github.com.", "api.github.com", WildcardApex::Included));
  CHECK_FALSE(host_matches("api.github.com.", "api.github.com", WildcardApex::Excluded));
  CHECK_FALSE(host_matches("*.0.0.1", "127.0.0.1", WildcardApex::Included));  // IPs: exact only
  CHECK_FALSE(host_matches("github.com:443", "github.com", WildcardApex::Included));
}

TEST_CASE("a pattern covers another when it matches every host the other matches") {
  CHECK(pattern_covers("*.github.com", "api.github.com", WildcardApex::Included));
  CHECK(pattern_covers("*.github.com", "github.com", WildcardApex::Included));
  CHECK_FALSE(pattern_covers("*.github.com", "github.com", WildcardApex::Excluded));
  CHECK(pattern_covers("*.github.com", "*.api.github.com", WildcardApex::Included));
  CHECK(pattern_covers("*.github.com", "*.github.com", WildcardApex::Excluded));
  CHECK_FALSE(pattern_covers("api.github.com", "*.api.github.com", WildcardApex::Included));
  CHECK_FALSE(pattern_covers("*.api.github.com", "*.github.com", WildcardApex::Included));
}

TEST_CASE("registrable domains use the last two labels, three under common suffixes") {
  CHECK(registrable_domain("api.github.com") == "github.com");
  CHECK(registrable_domain("github.com") == "github.com");
  CHECK(registrable_domain("*.pythonhosted.org") == "pythonhosted.org");
  CHECK(registrable_domain("www.bbc.co.uk") == "bbc.co.uk");
  CHECK(registrable_domain("me.github.io") == "me.github.io");
  CHECK(registrable_domain("localhost") == "localhost");
  CHECK(registrable_domain("10.1.2.3") == "10.1.2.3");
}

TEST_CASE("the nearest entry of a host that is not allowed") {
  const std::vector<std::string> entries = {"pypi.org", "api.github.com", "*.slack.com",
                                            "sentry.io"};
  auto near = [&](const std::string& host, WildcardApex apex = WildcardApex::Included) {
    auto found = nearest_entry(host, entries, apex);
    return found ? found->entry + " (" + found->why + ")" : std::string("none");
  };
  CHECK(near("pypi.og") == "pypi.org (1 character differs)");
  CHECK(near("uploads.github.com") == "api.github.com (same registrable domain github.com)");
  CHECK(near("example.org") == "none");
  const std::vector<std::string> passthrough = {"*.anthropic.com"};
  auto apex = nearest_entry("anthropic.com", passthrough, WildcardApex::Excluded);
  REQUIRE(apex);
  CHECK(apex->why ==
        "'*.anthropic.com' covers only the subdomains of anthropic.com, not "
        "anthropic.com itself");
}
