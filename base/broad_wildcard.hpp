// Wildcards that allow hosts nobody in particular controls, as the Public Suffix List
// (base/public_suffix) has them: `*.co.uk` under a registry (its ICANN section), and
// `*.github.io` under a shared namespace where anyone can publish a site (its private
// section). The one judgement, used by `policyc check` on policy literals (W0608) and by
// the manifest reader on the fields a policy guards with `wildcards(...)`.
#pragma once
#include <string>

namespace policyc {

enum class BroadSuffix { None, PublicSuffix, SharedHosting };

/// What `suffix` (a hostname without `*.`) is, for a wildcard `*.suffix`.
BroadSuffix broad_suffix_kind(const std::string& suffix);

/// Why the wildcard `host` reaches too far ("'*.github.io' matches every site hosted on
/// 'github.io', where anyone can publish; list the sites you mean"), or empty when it is
/// not a wildcard or its suffix belongs to someone.
std::string broad_wildcard_problem(const std::string& host);

}  // namespace policyc
