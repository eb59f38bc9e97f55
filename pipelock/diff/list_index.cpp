#include "pipelock/diff/list_index.hpp"

#include <algorithm>

#include "base/ip_address.hpp"

namespace policyc {

namespace {

// The network of `net`'s address cut to `prefix` bits: the CIDRs that contain `net`
// are exactly those whose own key, at their own prefix, is one of these.
std::string network_key(const IpAddress& address, unsigned prefix) {
  std::string key{'n', address.v6 ? '6' : '4', static_cast<char>(prefix)};
  for (unsigned byte = 0; byte < 16; ++byte) {
    const unsigned bits = prefix >= (byte + 1) * 8 ? 8 : prefix > byte * 8 ? prefix - byte * 8 : 0;
    const unsigned mask = bits == 0 ? 0 : (0xFFu << (8 - bits)) & 0xFFu;
    key.push_back(static_cast<char>(address.bytes[byte] & mask));
  }
  return key;
}

bool is_network_list(const std::string& path) {
  return path == "ssrf.ip_allowlist" || path == "kill_switch.allowlist_ips" || path == "internal";
}

}  // namespace

ListIndex::ListIndex(const std::string& path, const std::vector<std::string>& entries)
    : entries_(entries), apex_(host_list_semantics(path)), networks_(is_network_list(path)) {
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const std::string& entry = entries[i];
    if (apex_) {
      std::string normal = normalize_host_pattern(entry, *apex_);
      note(listed_, (entry.rfind("*.", 0) == 0 ? "*" : "-") + normal, i);
      note(covering_, std::move(normal), i);
      continue;
    }
    note(listed_, entry, i);
    if (!networks_) continue;
    note(covering_, "t" + entry, i);
    if (std::optional<IpNetwork> net = parse_ip_network(entry)) {
      note(covering_, network_key(net->address, net->prefix), i);
    }
  }
}

void ListIndex::note(std::unordered_map<std::string, std::size_t>& index, std::string key,
                     std::size_t position) {
  index.emplace(std::move(key), position);  // keeps the first position
}

std::optional<std::size_t> ListIndex::find(
    const std::unordered_map<std::string, std::size_t>& index, const std::string& key) const {
  auto it = index.find(key);
  if (it == index.end()) return std::nullopt;
  return it->second;
}

bool ListIndex::lists(const std::string& item) const {
  if (!apex_) return find(listed_, item).has_value();
  return find(listed_,
              (item.rfind("*.", 0) == 0 ? "*" : "-") + normalize_host_pattern(item, *apex_))
      .has_value();
}

std::string ListIndex::covering(const std::string& item) const {
  std::optional<std::size_t> first;
  auto consider = [&](std::optional<std::size_t> position) {
    if (position && (!first || *position < *first)) first = position;
  };
  if (apex_) {
    for (const std::string& pattern :
         covering_patterns(normalize_host_pattern(item, *apex_), *apex_)) {
      consider(find(covering_, pattern));
    }
  } else if (networks_) {
    consider(find(covering_, "t" + item));
    if (std::optional<IpNetwork> net = parse_ip_network(item)) {
      for (unsigned prefix = 0; prefix <= net->prefix; ++prefix) {
        consider(find(covering_, network_key(net->address, prefix)));
      }
    }
  } else {
    consider(find(listed_, item));
  }
  return first ? entries_[*first] : "";
}

}  // namespace policyc
