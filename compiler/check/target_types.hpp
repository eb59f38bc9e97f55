// The policy type of each field of the output target's schema: what a value written at
// `key = ...` is checked against, records (a DLP pattern) and maps included.
#pragma once
#include <string>

#include "base/diagnostic.hpp"
#include "ir/types.hpp"
#include "pipelock/schema/output_schema.hpp"

namespace policyc {

/// The type `field` accepts. Absent values are left out of the output, so a field accepts
/// an optional value, unless it is a record field pipelock requires. A record of the
/// target's schema is a RecordType (with `target` set) that lives as long as the process.
TypeRef target_value_type(const TargetField& field, bool optional = true);

/// E0221 at `range`: pipelock has no field `key` in `section` (at `path`, "" for the top
/// level), with "did you mean" over the fields pipelock has there.
void report_unknown_target_field(DiagnosticSink& diags, const std::string& key,
                                 SourceRange range, const TargetField& section,
                                 const std::string& path);

}  // namespace policyc
