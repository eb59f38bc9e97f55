// Bottle manifests the client has open, compiled as `policyc compile BOTTLE` compiles
// them: the policy choose_policy picks for the bottle's path, the project's default
// parameters, and the open (unsaved) text of the bottle, of the project file and of the
// project's policies.
#pragma once
#include <map>
#include <memory>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "lsp/documents.hpp"
#include "lsp/positions.hpp"
#include "pipeline/driver.hpp"

namespace policyc::lsp {

/// Whether the document is a bottle: its language is YAML or Markdown, or its name ends
/// .yaml, .yml or .md. A project file (policyc.yaml) or a policy is not one.
bool is_bottle(const Document& document);

/// One open bottle, compiled. The sources own every text the diagnostics, the program
/// and the compiled config point into, so they live together.
struct OpenBottle {
  SourceManager sources;
  DiagnosticSink diags;
  std::optional<PolicyChoice> policy;   // nothing when the project file has errors
  std::unique_ptr<ir::Program> program;  // nothing when the policy has errors
  FileId bottle = 0;
  std::optional<Compiled> compiled;     // nothing when anything has errors
  /// The project root relative policy names are read under; empty for the shipped ones.
  std::string root() const;
};

/// The field a manifest key names, by its name or an old one (`renamed OLD -> NEW`).
const FieldType* field_named(const RecordType& record, const std::string& key);

std::unique_ptr<OpenBottle> compile_open_bottle(const Document& bottle,
                                                const Documents& documents);

/// The diagnostics of every open bottle, keyed by URI (an empty array for a clean one):
/// what `policyc compile` reports for it. A report about another file (the project file,
/// the policy) is shown at the bottle's start, led by where it is.
std::map<std::string, nlohmann::json> bottle_diagnostics(const Documents& documents,
                                                         PositionEncoding encoding,
                                                         const std::string& error_docs);

}  // namespace policyc::lsp
