// A pipelock config file read into a YamlNode tree, and its scalars read the way
// pipelock's decoder (gopkg.in/yaml.v3 into typed Go fields) reads them.
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "base/diagnostic.hpp"
#include "runtime/input/yaml_tree.hpp"

namespace policyc {

/// Reads `file` (already in `sources`) with the manifest loader, which gives exact
/// ranges and refuses duplicate keys and second documents as pipelock does; its
/// messages name the file a "pipelock config" instead of a "manifest".
std::unique_ptr<YamlNode> load_config_tree(const SourceManager& sources, FileId file,
                                           DiagnosticSink& diags);

/// The value at a dotted key path ("tls_interception.passthrough_domains"), or nullptr
/// when a key on the way is absent or not a mapping.
const YamlNode* find_config_node(const YamlNode& root, std::string_view path);

/// A plain or quoted scalar into a Go bool: plain true/false in any YAML 1.2 case, and
/// the YAML 1.1 words (yes, no, on, off, y, n) yaml.v3 still accepts for a typed bool.
std::optional<bool> config_bool(const YamlNode& node);

/// A plain scalar into a Go int: decimal, 0x, 0o, 0b or 0-octal; a float is truncated,
/// as yaml.v3 does. Quoted scalars are strings and never ints.
std::optional<std::int64_t> config_int(const YamlNode& node);

/// A plain scalar into a Go float64: any int or YAML float, .inf and .nan included.
std::optional<double> config_float(const YamlNode& node);

/// Whether a scalar reads as a YAML timestamp (2030-01-01, 2030-01-01T00:00:00Z).
bool config_timestamp(const YamlNode& node);

/// A scalar's text as a Go string field receives it; "" for null.
std::string config_string(const YamlNode& node);

}  // namespace policyc
