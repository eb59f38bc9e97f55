// Manifest input: a YAML file, or a Markdown file with YAML front matter, read into a
// tree whose every node knows its exact byte range in the input.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "base/diagnostic.hpp"
#include "base/source.hpp"

namespace policyc {

struct YamlMapEntry;

struct YamlNode {
  enum class Kind { Null, Scalar, Sequence, Mapping };
  using Entry = YamlMapEntry;
  Kind kind = Kind::Null;
  SourceRange range;       // the node itself (for a scalar: its text, quotes included)
  std::string scalar;      // Scalar: the value after YAML unescaping
  bool quoted = false;     // Scalar: written '...' or "..." (so never a bool, int or null)
  std::vector<YamlNode> items;  // Sequence
  std::vector<Entry> entries;   // Mapping, in document order; duplicates are reported, not kept
};

struct YamlMapEntry {
  std::string key;  // mapping keys must be scalars
  SourceRange key_range;
  YamlNode value;
};

/// "WHAT must be EXPECTED, got a list": the message for a node of the wrong kind, one
/// wording for the manifest and the project file.
std::string node_kind_mismatch(const YamlNode& node, const std::string& what,
                               const std::string& expected);

/// Reads `file` (already added to the SourceManager). A name ending in ".md" or
/// ".markdown" is read as front matter: the YAML
/// between the first line "---" and the next line "---" or "..."; the body is ignored.
/// Errors (malformed YAML, unterminated front matter, duplicate keys, non-scalar keys,
/// more than one document, limits) go to `diags` with exact positions; returns nullptr
/// when the tree cannot be trusted.
std::unique_ptr<YamlNode> load_yaml_tree(const SourceManager& sources, FileId file,
                                         DiagnosticSink& diags);

}  // namespace policyc
