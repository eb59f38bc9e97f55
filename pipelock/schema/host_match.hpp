// How pipelock 2.3.0 matches a hostname against its lists, and how close a host not
// matched comes to an entry. `explain --host` and `diff` both rely on these.
#pragma once
#include <optional>
#include <string>
#include <vector>

namespace policyc {

/// scanner.MatchDomain (api_allowlist, trusted_domains, blocklist) covers a wildcard's
/// apex: `*.example.com` matches example.com. proxy.isPassthrough
/// (tls_interception.passthrough_domains) and redirect_websocket_hosts do not.
enum class WildcardApex { Included, Excluded };

/// The list pipelock checks every host against in every mode, allowlisted or not.
inline constexpr const char* kBlocklistPath = "fetch_proxy.monitoring.blocklist";

/// The matcher of the pipelock list at `path` ("api_allowlist",
/// "tls_interception.passthrough_domains"); nothing for a list that is not of hosts.
std::optional<WildcardApex> host_list_semantics(const std::string& path);

/// Whether `pattern` matches `host` as pipelock compares them: case-insensitive;
/// with Included also ignoring a trailing dot, as MatchDomain does; an IP address
/// is matched only exactly.
bool host_matches(const std::string& pattern, const std::string& host, WildcardApex apex);

/// Whether every host `narrower` matches is matched by `wider` too (a pattern covers
/// itself). `*.a.com` covers `x.a.com` and `*.x.a.com`; an exact host covers no wildcard.
bool pattern_covers(const std::string& wider, const std::string& narrower, WildcardApex apex);

/// A list entry or host as the matcher compares it: lowercased and, with Included, one
/// trailing dot removed.
std::string normalize_host_pattern(const std::string& text, WildcardApex apex);

/// Every normalized pattern that covers the normalized `narrower`, itself first: for
/// `a.b.com`, `*.a.b.com` (with Included), `*.b.com` and `*.com`. `pattern_covers(w, n)`
/// holds exactly when the normalized `w` is one of these, so a list can be searched by
/// a few look-ups instead of a scan.
std::vector<std::string> covering_patterns(const std::string& narrower, WildcardApex apex);

/// The domain a host (or a wildcard's base) is registered under, by the Public Suffix
/// List (base/public_suffix): bbc.co.uk for www.bbc.co.uk, me.github.io for
/// a.me.github.io. A public suffix, a single label and an IP address are their own.
std::string registrable_domain(const std::string& host);

/// What pipelock's ValidateTrustedDomains refuses in a trusted_domains entry, judged
/// after its own lowercasing and trailing-dot removal.
enum class TrustedDomainProblem {
  None,
  Empty,               // nothing left once the trailing dot is gone
  UrlOrPort,           // contains '/' or ':'
  BareWildcard,        // "*"
  BroadWildcard,       // "*.com": a wildcard over a single label
  UnsupportedPattern,  // any other '*', '?', '[' or ']'
};
TrustedDomainProblem trusted_domain_problem(std::string entry);

/// What to tell the user about `problem`; "" for None.
std::string describe_trusted_domain_problem(TrustedDomainProblem problem);

struct NearEntry {
  std::string entry;
  std::string why;  // "same registrable domain github.com", "2 characters differ", ...
};

/// The entry of `entries` a host that matched none of them most likely meant: one
/// under the same registrable domain (a wildcard that almost covers it first), else
/// one within a small edit distance. Nothing when no entry is close.
std::optional<NearEntry> nearest_entry(const std::string& host,
                                       const std::vector<std::string>& entries, WildcardApex apex);

}  // namespace policyc
