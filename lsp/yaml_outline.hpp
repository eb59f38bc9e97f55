// Where a cursor is in block-style YAML being typed, read from the lines alone: a
// bottle being edited seldom parses, yet completion must know the keys around it.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace policyc::lsp {

struct YamlOutline {
  /// The keys of the mappings around the cursor's, outermost first; a list item does not
  /// count ("egress_proxy", "routes" inside a route).
  std::vector<std::string> path;
  /// The keys the cursor's mapping already has, on other lines.
  std::vector<std::string> siblings;
  /// After `KEY:` on the cursor's line: KEY, whose value is being typed.
  std::optional<std::string> value_of;
  /// A "- " on the cursor's line opens a list item.
  bool item = false;
};

/// Nothing when the cursor is not in YAML: in a Markdown file (`markdown`), outside the
/// front matter.
std::optional<YamlOutline> yaml_outline(std::string_view text, std::uint32_t offset,
                                        bool markdown);

}  // namespace policyc::lsp
