// Suffixes under which a wildcard allows hosts nobody in particular controls, as the
// Public Suffix List (base/public_suffix) has them: its ICANN section (registries such
// as co.uk) and its private section (shared namespaces such as github.io, where anyone
// can publish a site).
#pragma once
#include <string>

namespace policyc {

enum class BroadSuffix { None, PublicSuffix, SharedHosting };

/// What `suffix` (a hostname without `*.`) is, for a wildcard `*.suffix`.
BroadSuffix broad_suffix_kind(const std::string& suffix);

}  // namespace policyc
