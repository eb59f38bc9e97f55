#include "pipelock/diff/config_diff.hpp"

#include <algorithm>
#include <catch2/catch.hpp>

#include "pipelock/validate/config_tree.hpp"
#include "pipelock/schema/host_match.hpp"
#include "pipelock/diff/list_index.hpp"

using namespace policyc;

namespace {

ConfigDiff diff(const std::string& before, const std::string& after) {
  SourceManager sources;
  DiagnosticSink diags;
  auto a = load_config_tree(sources, sources.add("old.yaml", before), diags);
  auto b = load_config_tree(sources, sources.add("new.yaml", after), diags);
  REQUIRE(a);
  REQUIRE(b);
  return diff_configs(*a, *b);
}

std::vector<std::string> lines(const ConfigDiff& d) {
  std::vector<std::string> out;
  for (const ConfigChange& c : d.changes) {
    out.push_back(c.path + " " + c.old_value + ">" + c.new_value + " " +
                  direction_name(c.direction));
  }
  return out;
}

}  // namespace

TEST_CASE("a config compared with itself, or with its defaults written out, is the same") {
  const std::string config = "mode: strict\napi_allowlist: [a.example.com]\n";
  CHECK(diff(config, config).verdict == Verdict::Same);
  auto spelled = diff(config, config + "enforce: true\ndlp:\n  scan_env: true\n");
  CHECK(spelled.verdict == Verdict::Same);
  CHECK(spelled.changes.empty());
}

TEST_CASE("a wildcard that newly covers hosts widens, the hosts it replaces do not narrow") {
  auto d = diff("api_allowlist: [api.github.com]\n", "api_allowlist: ['*.github.com']\n");
  CHECK(d.verdict == Verdict::Wider);
  CHECK(lines(d) == std::vector<std::string>{"api_allowlist >*.github.com wider",
                                             "api_allowlist api.github.com> same"});
}

TEST_CASE("an entry the old list already covered is no widening") {
  auto d = diff("api_allowlist: ['*.github.com']\n",
                "api_allowlist: ['*.github.com', uploads.github.com]\n");
  CHECK(d.verdict == Verdict::Same);
}

TEST_CASE("passthrough wildcards do not cover their apex") {
  auto d = diff("tls_interception:\n  passthrough_domains: ['*.openai.com']\n",
                "tls_interception:\n  passthrough_domains: ['*.openai.com', openai.com]\n");
  CHECK(d.verdict == Verdict::Wider);
}

TEST_CASE("ranked settings change in a known direction") {
  CHECK(diff("mode: strict\n", "mode: balanced\n").verdict == Verdict::Wider);
  CHECK(diff("", "mode: strict\n").verdict == Verdict::Narrower);
  CHECK(diff("request_body_scanning: {action: warn}\n", "request_body_scanning: {action: block}\n")
            .verdict == Verdict::Narrower);
  CHECK(diff("", "seed_phrase_detection: {min_words: 24}\n").verdict == Verdict::Wider);
  CHECK(diff("seed_phrase_detection: {min_words: 0}\n", "").verdict == Verdict::Same);
  CHECK(diff("", "forward_proxy: {enabled: yes}\n").verdict == Verdict::Wider);
}

TEST_CASE("a change policyc cannot rank counts as wider") {
  auto d = diff("fetch_proxy: {user_agent: a}\n", "fetch_proxy: {user_agent: b}\n");
  CHECK(d.verdict == Verdict::Wider);
  REQUIRE(d.changes.size() == 1);
  CHECK(d.changes[0].note == "not ranked; counts as wider");
}

TEST_CASE("SSRF lists: a wider exemption widens, fewer internal ranges widen") {
  CHECK(diff("ssrf: {ip_allowlist: [10.1.0.0/16]}\n", "ssrf: {ip_allowlist: [10.0.0.0/8]}\n")
            .verdict == Verdict::Wider);
  CHECK(diff("ssrf: {ip_allowlist: [10.0.0.0/8]}\n", "ssrf: {ip_allowlist: [10.1.0.0/16]}\n")
            .verdict == Verdict::Narrower);
  CHECK(diff("internal: [10.0.0.0/8, 192.168.0.0/16]\n", "internal: [10.0.0.0/8]\n").verdict ==
        Verdict::Wider);
  auto off = diff("", "internal: []\n");
  CHECK(off.verdict == Verdict::Wider);
  CHECK(lines(off) == std::vector<std::string>{"internal the 12 default CIDRs>[] wider"});
}

TEST_CASE("lists of records are compared by name, not position") {
  auto d = diff("dlp:\n  patterns:\n    - {name: a, regex: x}\n    - {name: b, regex: y}\n",
                "dlp:\n  patterns:\n    - {name: b, regex: y}\n    - {name: a, regex: x}\n");
  CHECK(d.verdict == Verdict::Same);
}

TEST_CASE("verdicts combine across bottles") {
  CHECK(combine(Verdict::Same, Verdict::Narrower) == Verdict::Narrower);
  CHECK(combine(Verdict::Wider, Verdict::Same) == Verdict::Wider);
  CHECK(combine(Verdict::Wider, Verdict::Narrower) == Verdict::Mixed);
  CHECK(combine(Verdict::Mixed, Verdict::Narrower) == Verdict::Mixed);
  CHECK(diff("api_allowlist: [a.com]\n", "api_allowlist: [b.com]\n").verdict == Verdict::Mixed);
}

namespace {

// The scan diff_configs did before lists were indexed: the first entry that covers.
std::string first_covering(const std::string& path, const std::string& item,
                           const std::vector<std::string>& entries) {
  for (const std::string& entry : entries) {
    const std::optional<WildcardApex> apex = host_list_semantics(path);
    if (apex ? pattern_covers(entry, item, *apex) : entry == item) return entry;
  }
  return "";
}

}  // namespace

TEST_CASE("an indexed list finds the entry a scan of the list would, in list order") {
  const std::vector<std::string> entries = {
      "api.github.com", "*.GitHub.com", "*.github.com.", "github.com", "*.com.au",
      "example.co.uk.", "10.0.0.1",     "*.a.b.c.d",     "*.b.c.d",    "x.y"};
  const std::vector<std::string> items = {"API.github.com",
                                          "github.com",
                                          "github.com.",
                                          "uploads.github.com",
                                          "*.api.github.com",
                                          "*.github.com",
                                          "x.com.au",
                                          "*.com.au",
                                          "example.co.uk",
                                          "EXAMPLE.co.uk.",
                                          "10.0.0.1",
                                          "e.a.b.c.d",
                                          "*.c.d",
                                          "b.c.d",
                                          "*.x.y",
                                          "x.y.",
                                          "y",
                                          ""};
  for (const char* path : {"api_allowlist", "tls_interception.passthrough_domains",
                           "fetch_proxy.monitoring.blocklist", "env_passthrough"}) {
    const ListIndex index(path, entries);
    for (const std::string& item : items) {
      INFO(path << ": " << item);
      CHECK(index.covering(item) == first_covering(path, item, entries));
      const std::optional<WildcardApex> apex = host_list_semantics(path);
      const bool listed = std::any_of(entries.begin(), entries.end(), [&](const std::string& e) {
        return apex ? e.rfind("*.", 0) == item.rfind("*.", 0) && pattern_covers(e, item, *apex) &&
                          pattern_covers(item, e, *apex)
                    : e == item;
      });
      CHECK(index.lists(item) == listed);
    }
  }
}

TEST_CASE("an indexed CIDR list finds the first network that contains an entry") {
  const std::vector<std::string> entries = {"10.1.2.0/24", "10.0.0.0/8", "10.1.0.0/16", "fd00::/8",
                                            "fd00:1::/32", "not a cidr", "0.0.0.0/0"};
  const ListIndex index("ssrf.ip_allowlist", entries);
  CHECK(index.covering("10.1.2.3/32") == "10.1.2.0/24");
  CHECK(index.covering("10.1.3.0/24") == "10.0.0.0/8");
  CHECK(index.covering("10.1.0.0/16") == "10.0.0.0/8");
  CHECK(index.covering("fd00:1:2::/48") == "fd00::/8");
  CHECK(index.covering("not a cidr") == "not a cidr");
  CHECK(index.covering("192.168.0.0/16") == "0.0.0.0/0");
  CHECK(index.covering("::/0").empty());
  CHECK(index.lists("10.0.0.0/8"));
  CHECK_FALSE(index.lists("10.0.0.0/9"));
}

TEST_CASE("the patterns that can cover a host are one per label, not one per list entry") {
  // What makes diff linear in a list's length: a lookup tries these few keys.
  CHECK(covering_patterns("a.b.example.com", WildcardApex::Included) ==
        std::vector<std::string>{"a.b.example.com", "*.a.b.example.com", "*.b.example.com",
                                 "*.example.com", "*.com"});
  CHECK(covering_patterns("a.example.com", WildcardApex::Excluded) ==
        std::vector<std::string>{"a.example.com", "*.example.com", "*.com"});
  CHECK(covering_patterns("*.a.example.com", WildcardApex::Included) ==
        std::vector<std::string>{"*.a.example.com", "*.example.com", "*.com"});
  CHECK(covering_patterns("10.0.0.1", WildcardApex::Included) ==
        std::vector<std::string>{"10.0.0.1"});
}

TEST_CASE("identical 20,000-host configs diff as the same, entry by entry") {
  std::string list = "api_allowlist:\n";
  for (int i = 0; i < 20000; ++i) list += "  - h" + std::to_string(i) + ".example.com\n";
  const ConfigDiff d = diff(list, list);
  CHECK(d.verdict == Verdict::Same);
  CHECK(d.changes.empty());
}
