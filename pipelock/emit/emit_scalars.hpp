// How values are written as YAML text, shared by the renderer and the read-back check so
// the two agree on every byte and every rule.
#pragma once
#include <string>

#include "base/text_rules.hpp"
#include "ir/output.hpp"
#include "ir/value.hpp"

namespace policyc {

/// Whether a record (or map) value has a field that is written: null ones are left out.
bool has_written_fields(const Value& record);

/// `parent.key`, or `key` at the top level.
std::string join_path(const std::string& parent, const std::string& key);

/// "null", "a bool", "an int", "a string", "a list", "a record".
std::string kind_name(const Value& v);

/// An empty list inside a section is left out of the output, as the reference does for
/// passthrough_domains; the renderer and the verifier must agree on it.
bool omitted_in_section(const OutputNode& n);

/// `s` double-quoted, `\` and `"` escaped, controls as \xNN.
std::string quoted(const std::string& s);
void append_quoted(std::string& out, std::string_view s);

/// Plain only when YAML reads it back as this very string: a letter, then letters,
/// digits and `_./-`, and no bool or null lookalike.
bool plain_safe(std::string_view s);

/// A scalar with bools and ints plain, strings through `quote`, anything else null: the
/// YAML renderer's layout (bench/json_bench.cpp's hand-written baseline uses it too).
std::string scalar_with(const Value& v, std::string (*quote)(const std::string&));

/// A scalar as written: bools and ints plain, strings quoted unless `bare` and plain-safe.
std::string scalar_text(const Value& v, bool bare);

}  // namespace policyc
