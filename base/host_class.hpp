// What kind of host a name or address is, beyond being well formed: the classes a bottle
// rarely means to reach through an egress proxy (an address instead of a name, the
// machine itself, a private network, a cloud's credential endpoint, a name that resolves
// only inside some network). One classifier for manifest values (`hosts(...)` on a field),
// policy literals (W0616) and `explain --host`. Wildcards are classes too, so one
// `hosts(...)` clause says everything a field accepts.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace policyc {

enum class HostClass : std::uint8_t {
  Metadata,     // a cloud's instance-metadata endpoint (the table in host_class.cpp)
  Loopback,     // 127.0.0.0/8, ::1, localhost
  Private,      // RFC 1918 and RFC 6598 (carrier-grade NAT) addresses
  LinkLocal,    // 169.254.0.0/16 (RFC 3927), fe80::/10
  UniqueLocal,  // fc00::/7
  Ipv4Mapped,   // ::ffff:a.b.c.d
  Ip,           // any IP literal, public ones included
  SpecialUse,   // RFC 6761 and RFC 8375 names: .local, .test, .invalid, .internal, ...
  NonLdh,       // a label with a character outside letters, digits and '-' (an underscore)
  BroadWildcard,  // `*.` under a public suffix or shared-hosting domain (base/broad_wildcard)
  Wildcard,     // any `*.domain`
};
inline constexpr std::size_t kHostClassCount = 11;

/// The class a policy writes as `name`, if any.
std::optional<HostClass> host_class_named(const std::string& name);
/// Every class's name, in the order of the enumeration (for "did you mean").
std::vector<std::string> host_class_names();

/// The word a policy writes for the class (`metadata`, `link_local`).
const char* host_class_name(HostClass host_class);
/// Why a bottle that names such a host deserves a second look, in a few words.
const char* host_class_reason(HostClass host_class);

struct HostClassification {
  std::vector<HostClass> classes;  // most specific first: Metadata before LinkLocal before Ip
  std::string detail;              // "169.254.169.254 is the instance-metadata endpoint of AWS, ..."
  std::string broad_wildcard;      // for BroadWildcard: what it matches (broad_wildcard_problem)
};

/// What a report says about `host` for one of its classes: "'169.254.169.254' is a
/// cloud's instance-metadata endpoint, ... (the endpoint of AWS, ...)", or for a broad
/// wildcard what it matches. `host` is quoted as messages quote values (value_prefix).
std::string host_class_problem(const std::string& host, HostClass host_class,
                               const HostClassification& classification);

/// The classes of `host` (lowercase, as normalised by check_hostname; a `*.` wildcard is
/// classified by the domain under it).
HostClassification classify_host(const std::string& host);

/// Hosts a hostname field can hold, together having every set of classes such hosts
/// have in practice: what the all-bottles diff tries against a field's hosts() rules. A
/// host's action is decided by its set of classes alone.
const std::vector<std::string>& host_class_samples();

}  // namespace policyc
