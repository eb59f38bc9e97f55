// Reading the provenance an evaluation leaves on each value: which rule put it there
// and which manifest node, parameter or constant it came from. Shared by
// `policyc explain` and `policyc compile --annotate`.
#pragma once
#include <string>
#include <vector>

#include "ir/program.hpp"
#include "ir/evaluate.hpp"
#include "ir/output.hpp"
#include "ir/value.hpp"

namespace policyc {

/// A compiled bottle as `explain` and `compile --annotate` read it: the program, its
/// inputs, and the evaluation whose values carry their provenance.
struct ProvenanceInput {
  const ir::Program& program;
  const Value& manifest;
  const Value& params;
  const Evaluation& evaluation;
  const SourceManager& sources;
  FileId manifest_file;  // tells manifest nodes from `--param` values
};

/// Where a value was written.
struct ValueSource {
  enum class Kind { Manifest, Param, Constant, Default, Policy };
  Kind kind = Kind::Policy;
  std::string name;   // key path, parameter, constant, "Record.field", or the declaration
  SourceRange range;  // the manifest node, the `--param`, or the literal in the policy
};

/// One reason an output value is there: a rule that added it to a set (every rule that
/// did, in the order they ran), or the output block itself.
struct Contribution {
  std::string rule;        // "" when the output block wrote the value directly
  SourceRange rule_range;  // the `set += expression` statement
  std::vector<ValueSource> sources;
};

class ProvenanceView {
 public:
  /// `manifest_file` tells manifest nodes from `--param` values.
  ProvenanceView(const ir::Program& program, FileId manifest_file)
      : program_(program), manifest_file_(manifest_file) {}

  std::vector<Contribution> contributions(const Value& value) const;

  /// The contributions of an output value; one the output computed (`a == b`,
  /// `len(x)`), which carries no origin, gets the inputs its expression read.
  std::vector<Contribution> output_contributions(const Value& value, const ast::Expr* written,
                                                 EvalEnv& env) const;
  ValueSource source(const Provenance& origin) const;

  /// The policy's `key = ...` or `section { ... }` that produced an output node.
  const ast::OutputItem* output_item(const OutputNode& node) const;

  /// The rule whose `set += expression` statement is at `range`, or nullptr.
  const ast::Rule* rule_at(std::string_view name, const SourceRange& range) const;

 private:
  const ir::Program& program_;
  FileId manifest_file_;
};

/// "egress.allowlist[0]", "param ca_cert", "DEFAULT_ALLOWLIST", "default of
/// Egress.dlp_action", "policy": a source as a comment or a report names it.
std::string describe_source(const ValueSource& source);

/// The file a manifest value was read from (read_manifest records the root node).
FileId manifest_file_of(const Value& manifest);

/// A policy expression's text on one line, whitespace runs collapsed.
std::string one_line(std::string_view text);

}  // namespace policyc
