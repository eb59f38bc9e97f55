#include "pipelock/schema/host_match.hpp"

#include <catch2/catch.hpp>

#include <functional>

#include "base/public_suffix.hpp"
#include "base/broad_wildcard.hpp"
#include "pipelock/schema/output_schema.hpp"

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

TEST_CASE("registrable domains come from the Public Suffix List") {
  // Entries the list has held for many years, so any copy of it gives these answers.
  CHECK(registrable_domain("api.github.com") == "github.com");
  CHECK(registrable_domain("github.com") == "github.com");
  CHECK(registrable_domain("*.pythonhosted.org") == "pythonhosted.org");
  CHECK(registrable_domain("www.bbc.co.uk") == "bbc.co.uk");
  CHECK(registrable_domain("WWW.BBC.CO.UK.") == "bbc.co.uk");
  CHECK(registrable_domain("a.b.example.com.au") == "example.com.au");
  CHECK(registrable_domain("me.github.io") == "me.github.io");
  CHECK(registrable_domain("docs.me.github.io") == "me.github.io");
  CHECK(registrable_domain("app.herokuapp.com") == "app.herokuapp.com");
  CHECK(registrable_domain("co.uk") == "co.uk");  // a suffix is its own
  CHECK(registrable_domain("localhost") == "localhost");
  CHECK(registrable_domain("10.1.2.3") == "10.1.2.3");
}

TEST_CASE("public suffixes are the list's ICANN or private entries") {
  CHECK(public_suffix_kind("co.uk") == PublicSuffixKind::Icann);
  CHECK(public_suffix_kind("com.au") == PublicSuffixKind::Icann);
  CHECK(public_suffix_kind("github.io") == PublicSuffixKind::Private);
  CHECK(public_suffix_kind("blogspot.com") == PublicSuffixKind::Private);
  CHECK(public_suffix_kind("github.com") == PublicSuffixKind::None);
  CHECK(public_suffix_kind("bbc.co.uk") == PublicSuffixKind::None);
  // The implicit rule for an unlisted top-level name does not make it a listed suffix.
  CHECK(public_suffix_kind("internal") == PublicSuffixKind::None);
  CHECK(broad_suffix_kind("co.uk") == BroadSuffix::PublicSuffix);
  CHECK(broad_suffix_kind("github.io") == BroadSuffix::SharedHosting);
  CHECK(broad_suffix_kind("example.co.uk") == BroadSuffix::None);
}

TEST_CASE("every host list a policy can set has pipelock's matching") {
  std::vector<std::string> host_lists;
  std::function<void(const TargetField&, const std::string&)> walk =
      [&](const TargetField& section, const std::string& path) {
        for (const TargetField& field : section.children) {
          const std::string field_path = path.empty() ? field.key : path + "." + field.key;
          if (field.type == TargetField::Type::Section) walk(field, field_path);
          // The lists pipelock judges as trusted domains match as MatchDomain does,
          // trusted_domains among them; the lints compare entries only in these.
          if (field.type == TargetField::Type::HostList &&
              (!field.trusted_domains || field_path == "trusted_domains")) {
            host_lists.push_back(field_path);
          }
        }
      };
  walk(pipelock_schema(), "");
  CHECK(host_lists == std::vector<std::string>{"api_allowlist",
                                               "fetch_proxy.monitoring.blocklist",
                                               "forward_proxy.redirect_websocket_hosts",
                                               "tls_interception.passthrough_domains",
                                               "trusted_domains"});
  for (const std::string& path : host_lists) {
    INFO(path);
    CHECK(host_list_semantics(path).has_value());
  }
  CHECK(host_list_semantics("fetch_proxy.monitoring.blocklist") == WildcardApex::Included);
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
