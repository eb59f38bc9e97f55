#include "pipelock/schema/host_match.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <tuple>

#include "base/diagnostic.hpp"
#include "base/public_suffix.hpp"

namespace policyc {

namespace {

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// MatchDomain strips one trailing dot from both sides; isPassthrough does not.
std::string normalize(const std::string& s, WildcardApex apex) {
  std::string out = lower(s);
  if (apex == WildcardApex::Included && !out.empty() && out.back() == '.') out.pop_back();
  return out;
}

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool is_ip_literal(const std::string& host) {
  if (host.find(':') != std::string::npos) return true;
  return !host.empty() && host.find_first_not_of("0123456789.") == std::string::npos;
}

bool is_wildcard(const std::string& pattern) { return pattern.rfind("*.", 0) == 0; }

}  // namespace

TrustedDomainProblem trusted_domain_problem(std::string d) {
  for (char& c : d) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (!d.empty() && d.back() == '.') d.pop_back();
  if (d.empty()) return TrustedDomainProblem::Empty;
  if (d.find_first_of("/:") != std::string::npos) return TrustedDomainProblem::UrlOrPort;
  if (d == "*") return TrustedDomainProblem::BareWildcard;
  if (d.rfind("*.", 0) == 0) {
    return d.find('.', 2) == std::string::npos ? TrustedDomainProblem::BroadWildcard
                                               : TrustedDomainProblem::None;
  }
  if (d.find_first_of("*?[]") != std::string::npos) {
    return TrustedDomainProblem::UnsupportedPattern;
  }
  return TrustedDomainProblem::None;
}

std::string describe_trusted_domain_problem(TrustedDomainProblem problem) {
  switch (problem) {
    case TrustedDomainProblem::None:
      return "";
    case TrustedDomainProblem::Empty:
      return "the entry is empty";
    case TrustedDomainProblem::UrlOrPort:
      return "use a hostname pattern, not a URL or host:port";
    case TrustedDomainProblem::BareWildcard:
      return "a bare wildcard disables all SSRF protection";
    case TrustedDomainProblem::BroadWildcard:
      return "a wildcard must name a concrete domain, like *.example.com";
    case TrustedDomainProblem::UnsupportedPattern:
      break;
  }
  return "only exact hosts and *.example.com wildcards are supported";
}

std::optional<WildcardApex> host_list_semantics(const std::string& path) {
  if (path == "api_allowlist" || path == "trusted_domains" || path == kBlocklistPath) {
    return WildcardApex::Included;
  }
  if (path == "tls_interception.passthrough_domains" ||
      path == "forward_proxy.redirect_websocket_hosts") {
    return WildcardApex::Excluded;
  }
  return std::nullopt;
}

namespace {

// host_matches on a pattern and host normalized already (normalizing twice would strip
// a second trailing dot, which MatchDomain keeps).
bool normalized_matches(const std::string& pattern, const std::string& host, WildcardApex apex) {
  if (pattern == host) return true;
  if (!is_wildcard(pattern) || is_ip_literal(host)) return false;
  const std::string base = pattern.substr(2);
  if (apex == WildcardApex::Included && host == base) return true;
  return ends_with(host, "." + base);
}

}  // namespace

std::string normalize_host_pattern(const std::string& text, WildcardApex apex) {
  return normalize(text, apex);
}

bool host_matches(const std::string& pattern_text, const std::string& host_text,
                  WildcardApex apex) {
  return normalized_matches(normalize(pattern_text, apex), normalize(host_text, apex), apex);
}

bool pattern_covers(const std::string& wider_text, const std::string& narrower_text,
                    WildcardApex apex) {
  const std::string wider = normalize(wider_text, apex);
  const std::string narrower = normalize(narrower_text, apex);
  if (wider == narrower) return true;
  if (!is_wildcard(narrower)) return normalized_matches(wider, narrower, apex);
  // A wildcard is covered only by a wildcard over the same or a parent domain; with
  // apex matching the narrower one's apex must be covered too, which that implies.
  if (!is_wildcard(wider)) return false;
  const std::string base = wider.substr(2);
  const std::string inner = narrower.substr(2);
  return inner == base || ends_with(inner, "." + base);
}

std::vector<std::string> covering_patterns(const std::string& narrower, WildcardApex apex) {
  std::vector<std::string> out{narrower};
  // The mirror of pattern_covers: wildcards over the host (its apex, with Included) or
  // over any parent domain; a wildcard is covered by wildcards over itself or a parent.
  std::string domain;
  if (is_wildcard(narrower)) {
    domain = narrower.substr(2);
  } else {
    if (is_ip_literal(narrower)) return out;
    domain = narrower;
    if (apex == WildcardApex::Included) out.push_back("*." + domain);
  }
  for (std::size_t dot = domain.find('.'); dot != std::string::npos;
       dot = domain.find('.', dot + 1)) {
    out.push_back("*." + domain.substr(dot + 1));
  }
  return out;
}

std::string registrable_domain(const std::string& host_text) {
  std::string host = lower(host_text);
  if (!host.empty() && host.back() == '.') host.pop_back();
  if (is_wildcard(host)) host = host.substr(2);
  if (is_ip_literal(host)) return host;
  return registrable_part(host);
}

std::optional<NearEntry> nearest_entry(const std::string& host_text,
                                       const std::vector<std::string>& entries, WildcardApex apex) {
  const std::string host = normalize(host_text, apex);
  const std::string domain = registrable_domain(host);
  // Best first: (kind, distance, entry); kind 0 wildcard over the same domain, 1 a host
  // under the same domain, 2 a likely typo.
  std::optional<std::tuple<int, std::size_t, std::string, std::string>> best;
  auto consider = [&](int kind, std::size_t distance, const std::string& entry, std::string why) {
    auto candidate = std::make_tuple(kind, distance, entry, std::move(why));
    if (!best || candidate < *best) best = std::move(candidate);
  };
  for (const std::string& entry : entries) {
    const std::string pattern = normalize(entry, apex);
    if (host_matches(pattern, host, apex)) continue;
    const std::size_t distance = edit_distance(host, pattern);
    if (!is_ip_literal(host) && registrable_domain(pattern) == domain) {
      if (is_wildcard(pattern) && apex == WildcardApex::Excluded && pattern.substr(2) == host) {
        consider(
            0, distance, entry,
            fmt::format("'{}' covers only the subdomains of {}, not {} itself", entry, host, host));
      } else {
        consider(is_wildcard(pattern) ? 0 : 1, distance, entry,
                 fmt::format("same registrable domain {}", domain));
      }
      continue;
    }
    if (distance <= std::max<std::size_t>(2, host.size() / 5)) {
      consider(
          2, distance, entry,
          distance == 1 ? "1 character differs" : fmt::format("{} characters differ", distance));
    }
  }
  if (!best) return std::nullopt;
  return NearEntry{std::get<2>(*best), std::get<3>(*best)};
}

}  // namespace policyc
