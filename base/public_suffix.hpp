// The Public Suffix List, through libpsl: where anyone can register a name. Read from
// Debian's `publicsuffix` package (psl_dist_filename(),
// /usr/share/publicsuffix/public_suffix_list.dafsa), else libpsl's built-in copy, once
// per process; docs/errors.md (W0608) says which data that is.
#pragma once
#include <string>

namespace policyc {

/// Which section of the list names `domain` (lowercase, no trailing dot) as a suffix.
/// The implicit `*` rule for unlisted top-level names does not count.
enum class PublicSuffixKind {
  None,     // not a public suffix
  Icann,    // a registry: co.uk, com.au
  Private,  // a company's shared namespace, where anyone gets a name: github.io
};
PublicSuffixKind public_suffix_kind(const std::string& domain);

/// The registrable domain of `host` (lowercase, no trailing dot): bbc.co.uk for
/// www.bbc.co.uk, me.github.io for a.me.github.io. `host` itself when it has none (a
/// public suffix, a single label).
std::string registrable_part(const std::string& host);

}  // namespace policyc
