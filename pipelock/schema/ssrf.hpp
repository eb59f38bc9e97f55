// What pipelock 2.3.0's SSRF guard does with a host (its schema, section 3.15): an
// address in an `internal` range (the 12 default CIDRs when the config leaves `internal`
// out) is refused unless `ssrf.ip_allowlist` covers it; a name is resolved when the
// agent connects and its address judged the same way, unless `trusted_domains` covers
// the name.
#pragma once
#include <optional>
#include <string>
#include <vector>

namespace policyc {

/// The CIDRs pipelock's SSRF guard treats as internal when `internal` is absent.
const std::vector<std::string>& default_internal_cidrs();

/// The SSRF settings of one config.
struct SsrfSettings {
  std::optional<std::vector<std::string>> internal;  // absent: the defaults
  std::vector<std::string> ip_allowlist;
  std::vector<std::string> trusted_domains;
};

struct SsrfVerdict {
  enum class Kind {
    Refused,        // an address in an internal range, not exempted
    Exempted,       // an address in an internal range that ssrf.ip_allowlist covers
    NotInternal,    // an address in no internal range
    CheckDisabled,  // `internal: []`: only pipelock's core floor for literal addresses
    Resolved,       // a name: judged by the address it resolves to when connecting
    Trusted,        // a name trusted_domains covers: the post-resolution check is skipped
  };
  Kind kind = Kind::Resolved;
  std::string internal_range;  // Refused, Exempted: the internal range the address is in
  std::string exempted_by;     // Exempted: the ip_allowlist entry; Trusted: the domain
};

/// The verdict for `host` (lowercase, no port) under `settings`.
SsrfVerdict ssrf_verdict(const std::string& host, const SsrfSettings& settings);

}  // namespace policyc
