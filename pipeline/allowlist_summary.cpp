#include "pipeline/allowlist_summary.hpp"

#include <fmt/format.h>

#include <vector>

#include "base/source_excerpt.hpp"

namespace policyc {

std::string allowlist_summary(const OutputDocument& output) {
  std::vector<std::string> hosts;
  for (const OutputNode& node : output) {
    if (node.key != "api_allowlist") continue;
    for (const Value& item : node.value().items) hosts.push_back(item.string.str());
  }
  if (hosts.empty()) return "0 hosts allowed (none)";
  const std::size_t shown = hosts.size() > 5 ? 3 : hosts.size();
  // Shown as diagnostics show text: a host cannot add a line or an escape to the summary.
  std::string joined =
      printable_text(fmt::format("{}", fmt::join(hosts.begin(), hosts.begin() + shown, ", ")));
  if (shown < hosts.size()) {
    return fmt::format("{} hosts allowed ({}, +{} more)", hosts.size(), joined, hosts.size() - shown);
  }
  return fmt::format("{} hosts allowed ({})", hosts.size(), joined);
}

}  // namespace policyc
