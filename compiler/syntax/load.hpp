// Loading a policy and everything it imports, from disk or from the shipped policies.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "ir/ast.hpp"
#include "base/diagnostic.hpp"

namespace policyc {

/// Where policy text comes from.
class PolicySource {
 public:
  virtual ~PolicySource() = default;
  /// The text at `path`, or nothing with `error` set.
  virtual std::optional<std::string> read(const std::string& path, std::string& error) const = 0;
};

/// Files on disk.
class FileSystemSource : public PolicySource {
 public:
  std::optional<std::string> read(const std::string& path, std::string& error) const override;
};

/// The policies compiled into the binary, named "policies/NAME.policy".
class EmbeddedSource : public PolicySource {
 public:
  std::optional<std::string> read(const std::string& path, std::string& error) const override;
};

/// The path an `import "name"` in `importer` refers to: relative to the importer's folder.
std::string resolve_import(const std::string& importer, const std::string& name);

/// Parses `entry` and, depth first, every file it imports; each file once. Missing files
/// and import cycles are reported at the import. The entry file comes first.
std::vector<ast::PolicyFile> load_policies(const std::string& entry, const PolicySource& source,
                                           SourceManager& sources, DiagnosticSink& diags);

}  // namespace policyc
