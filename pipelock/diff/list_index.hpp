// One side of a list `policyc diff` compares, indexed so that "is this entry listed?"
// and "which entry covers it?" cost a few hash look-ups, not a scan of the list: a
// diff of two 100k-host configs stays as fast as compiling them.
#pragma once
#include <array>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "pipelock/schema/host_match.hpp"

namespace policyc {

class ListIndex {
 public:
  /// Indexes `entries` of the pipelock list at `path` ("api_allowlist", "internal", ...).
  /// `entries` must outlive the index.
  ListIndex(const std::string& path, const std::vector<std::string>& entries);

  /// Whether `item` is in the list as pipelock compares entries: hosts up to case (and
  /// for MatchDomain lists one trailing dot), anything else byte for byte.
  bool lists(const std::string& item) const;

  /// The first entry, in list order, that already covers `item` (a wildcard over its
  /// domain, a CIDR containing it, the entry itself), or "".
  std::string covering(const std::string& item) const;

 private:
  void note(std::unordered_map<std::string, std::size_t>& index, std::string key,
            std::size_t position);
  std::optional<std::size_t> find(const std::unordered_map<std::string, std::size_t>& index,
                                  const std::string& key) const;

  const std::vector<std::string>& entries_;
  std::optional<WildcardApex> apex_;  // set for a list of hosts
  bool networks_ = false;             // a list of CIDRs
  // Each key maps to the first position of an entry with that key.
  std::unordered_map<std::string, std::size_t> listed_;    // the comparison key
  std::unordered_map<std::string, std::size_t> covering_;  // normalized host or network
};

}  // namespace policyc
