// Policy projects: a folder marked by a `policyc.yaml` at its root, holding the policies,
// their golden cases and usually the fleet of bottles. Commands find the nearest project
// file upward, as git and clang-format do, and use its policy.
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "base/diagnostic.hpp"
#include "compiler/syntax/load.hpp"

namespace policyc {

inline constexpr const char* kProjectFile = "policyc.yaml";

struct Project {
  std::filesystem::path root;                       // absolute: the folder holding policyc.yaml
  std::string policy = "policies/pipelock.policy";  // entry policy, relative to `root`
  std::string golden = "golden";                    // golden folder, relative to `root`
  std::vector<std::string> bottles;                 // globs of the fleet, relative to `root`
  std::vector<std::string> params;                  // NAME=VALUE defaults, in file order
};

/// The nearest folder at or above `start` that holds a policyc.yaml, if any.
std::optional<std::filesystem::path> find_project_root(const std::filesystem::path& start);

/// Reads `root`/policyc.yaml strictly, from `files` (an editor's open text before the
/// disk); E10xx errors with positions go to `diags`.
std::optional<Project> read_project(const std::filesystem::path& root, SourceManager& sources,
                                    DiagnosticSink& diags,
                                    const PolicySource& files = FileSystemSource());

/// `path` as a user reads it from the current directory: relative when the current
/// directory is inside it or it is inside the current directory, absolute otherwise.
std::string display_path(const std::filesystem::path& path);

/// The bottles the project's `bottles:` globs match (glob(3): `*`, `?`, `[...]`, relative
/// to the root), each once, in glob order, named as display_path names them.
std::vector<std::string> project_bottles(const Project& project);

/// The policy a command uses and why.
struct PolicyChoice {
  enum class Origin { Shipped, Project, Option };
  Origin origin = Origin::Shipped;
  std::string entry;  // as diagnostics name it: relative to the project root, or as given
  std::optional<Project> project;
};

/// `--policy` wins; otherwise the project nearest above the folder of `near_file` (a
/// bottle), or when there is none or no file, above the current directory; outside any
/// project the shipped policies. Nothing when the project file has errors. The project
/// file is read from `files`; which folder holds one is asked of the disk.
std::optional<PolicyChoice> choose_policy(const std::string& option, const std::string& near_file,
                                          SourceManager& sources, DiagnosticSink& diags,
                                          const PolicySource& files = FileSystemSource());

/// A policy given as a path (`diff --old-policy`, `explain --policy` without a bottle):
/// an entry policy file (a file, or a path ending in .policy), or a folder whose
/// pipelock.policy is.
std::string policy_entry(const std::string& path);

/// "policies/pipelock.policy of project ../..", "shipped policies/pipelock.policy",
/// "my.policy (--policy)": stable wording for reports.
std::string describe_policy(const PolicyChoice& choice);

/// The project's default parameters whose name the command line does not give, then the
/// command line's: a parameter given on the command line overrides the project's.
std::vector<std::string> params_with_defaults(const PolicyChoice& choice,
                                              const std::vector<std::string>& given);

/// Files under a project root, named relative to it: the project's policies read as
/// "policies/pipelock.policy" whatever the current directory, like the shipped ones.
class ProjectSource : public FileSystemSource {
 public:
  explicit ProjectSource(std::filesystem::path root) : root_(std::move(root)) {}
  std::optional<std::string> read(const std::string& path, std::string& error) const override;

 private:
  std::filesystem::path root_;
};

}  // namespace policyc
