#include "pipelock/diff/list_index.hpp"

#include <arpa/inet.h>

#include <algorithm>

namespace policyc {

namespace {

struct Network {
  std::array<unsigned char, 16> bytes{};
  unsigned prefix = 0;
  bool v6 = false;
};

std::optional<Network> parse_network(const std::string& text) {
  const std::size_t slash = text.find('/');
  if (slash == std::string::npos) return std::nullopt;
  Network net;
  const std::string address = text.substr(0, slash);
  net.v6 = address.find(':') != std::string::npos;
  if (inet_pton(net.v6 ? AF_INET6 : AF_INET, address.c_str(), net.bytes.data()) != 1) {
    return std::nullopt;
  }
  try {
    net.prefix = static_cast<unsigned>(std::stoul(text.substr(slash + 1)));
  } catch (const std::exception&) {
    return std::nullopt;
  }
  return net;
}

// The network of `net`'s address cut to `prefix` bits: the CIDRs that contain `net`
// are exactly those whose own key, at their own prefix, is one of these.
std::string network_key(const Network& net, unsigned prefix) {
  std::string key{'n', net.v6 ? '6' : '4', static_cast<char>(prefix)};
  for (unsigned byte = 0; byte < 16; ++byte) {
    const unsigned bits = prefix >= (byte + 1) * 8 ? 8 : prefix > byte * 8 ? prefix - byte * 8 : 0;
    const unsigned mask = bits == 0 ? 0 : (0xFFu << (8 - bits)) & 0xFFu;
    key.push_back(static_cast<char>(net.bytes[byte] & mask));
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
    // A prefix longer than an address has bits to compare covers nothing but itself.
    if (std::optional<Network> net = parse_network(entry); net && net->prefix <= 128) {
      note(covering_, network_key(*net, net->prefix), i);
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
    if (std::optional<Network> net = parse_network(item)) {
      for (unsigned prefix = 0; prefix <= std::min(net->prefix, 128u); ++prefix) {
        consider(find(covering_, network_key(*net, prefix)));
      }
    }
  } else {
    consider(find(listed_, item));
  }
  return first ? entries_[*first] : "";
}

}  // namespace policyc
