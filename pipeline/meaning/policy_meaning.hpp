// `policyc explain` without a bottle: what a policy means, read from its checked AST
// alone. For each field of the output, in the order written, each source of its values
// (a literal, a manifest or parameter key, a constant, the elements a rule adds to a set)
// and the condition under which it applies, in the policy's terms (policy_terms.hpp),
// with the file and line of the rule or output line that writes it.
#pragma once
#include <string>
#include <vector>

#include "base/diagnostic.hpp"
#include "ir/program.hpp"

namespace policyc {

struct MeaningSource {
  std::string what;       // "each bottle.egress.allowlist[] entry", "\"block\""
  std::string condition;  // "" when it always applies
  std::string rule;       // the rule that adds it to a set; "" when the output writes it
  std::string file;       // where it is written: the rule's statement or the output line
  unsigned line = 0;
};

struct FieldMeaning {
  std::string field;  // dotted: "tls_interception.passthrough_domains"
  std::string file;   // the output line
  unsigned line = 0;
  std::vector<MeaningSource> sources;
};

struct PolicyMeaning {
  std::vector<FieldMeaning> fields;
};

/// The meaning of the checked `program`, whose files are in `sources`.
PolicyMeaning explain_policy(const ir::Program& program, const SourceManager& sources);

/// One field a paragraph: `field (file:line): what, when condition` for a field with one
/// source written where the field is, else the field's line and one indented line a
/// source, each with its rule and place.
std::string policy_meaning_text(const PolicyMeaning& meaning);

/// {"fields": [{field, at: {file, line}, sources: [{what, condition, rule, at}]}]}:
/// `condition` null when it always applies, `rule` null when the output writes it.
std::string policy_meaning_json(const PolicyMeaning& meaning);

}  // namespace policyc
