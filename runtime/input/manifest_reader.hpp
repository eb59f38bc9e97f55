// Reading a manifest tree against the policy's manifest schema: every key known, every
// value of its declared type, every constraint of the schema held.
#pragma once
#include <set>
#include <string>

#include "base/diagnostic.hpp"
#include "ir/types.hpp"
#include "base/hostname.hpp"
#include "ir/value.hpp"
#include "runtime/input/yaml_tree.hpp"

namespace policyc {

/// The manifest as a record value of `schema`, defaults filled in, each value carrying
/// its key path and node as provenance. Every problem is reported at its node.
Value read_manifest(const YamlNode& root, const RecordType& schema, const SourceManager& sources,
                    DiagnosticSink& diags);

/// A problem found in one input node, placed at the exact bytes of that node when the
/// node's source text is the value itself (no quotes or escapes in between).
SourceRange problem_range(const SourceRange& node, std::string_view node_text,
                          const std::string& value, const InputProblem& problem);

/// Reports `problem` for the value at `path`, with "did you mean" when it has one.
void report_input_problem(DiagnosticSink& diags, const char* code, const SourceRange& range,
                          const std::string& path, const InputProblem& problem);

/// Reports `code` when the CIDRs of `list` (items of a list<cidr>) together cover a whole
/// address family, at the first of them, with a note at each other one.
void check_cidr_union(const std::vector<Value>& list, const std::string& path, const char* code,
                      DiagnosticSink& diags);

/// Checks each all-or-none group of `schema` against which fields `record` has, reporting
/// `code` (E0315 in a manifest, E0406 for parameters). A field in `given_invalid` was
/// given with a value already reported as invalid: it counts as given, so one mistake
/// is one error and not also a "given without" one.
void check_together(const RecordType& schema, const Value& record, const std::string& path,
                    const std::set<std::string>& given_invalid, const char* code,
                    DiagnosticSink& diags);

}  // namespace policyc
