// Byte-level scanning of manifest text that yaml-cpp does not do for us. Mostly where YAML
// nodes end: yaml-cpp reports only where a node starts (anchor and tag included), so the
// tree builder re-scans the text. Functions take the text up to the end of the YAML region
// and absolute offsets.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace policyc {

/// Skips the anchor (`&a`) and tag (`!t`) properties at `at` and the blanks after them.
/// `tag_at`/`tag_end` receive the first tag's extent, or stay unchanged when there is none.
std::uint32_t skip_node_properties(std::string_view text, std::uint32_t at, std::uint32_t* tag_at,
                                   std::uint32_t* tag_end);

struct ScalarExtent {
  std::uint32_t end = 0;
  bool terminated = true;  // false: a quote without its closing quote
};

/// The end of the scalar written at `at`: quotes included for quoted scalars, the
/// header line only for block scalars (`|`, `>`), the first line for plain scalars.
ScalarExtent scalar_extent(std::string_view text, std::uint32_t at, bool in_flow);

/// One past the name of the alias (`*name`) at `at`.
std::uint32_t alias_end(std::string_view text, std::uint32_t at);

/// True when a plain null (`~`, `null`, `Null`, `NULL`) is written at [at, end).
bool is_null_literal(std::string_view text, std::uint32_t at, std::uint32_t end);

/// Where an empty node sits: just after the ':' / '-' / '?' that follows `after` (the
/// end of the previous token), never past `limit` (where yaml-cpp says it is, which is
/// already the next token).
std::uint32_t empty_node_offset(std::string_view text, std::uint32_t after, std::uint32_t limit);

/// One past the ']' or '}' closing a flow collection whose last content ends at `after`.
std::uint32_t flow_collection_end(std::string_view text, std::uint32_t after);

}  // namespace policyc
