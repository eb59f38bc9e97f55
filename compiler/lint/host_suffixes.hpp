// Suffixes under which a wildcard allows hosts nobody in particular controls. A small,
// fixed list (not the whole Public Suffix List): the second-level registries used most,
// and the shared-hosting domains where anyone can publish a site.
#pragma once
#include <string_view>

namespace policyc {

enum class BroadSuffix { None, PublicSuffix, SharedHosting };

/// What `suffix` (a hostname without `*.`) is, for a wildcard `*.suffix`.
BroadSuffix broad_suffix_kind(std::string_view suffix);

}  // namespace policyc
