// The policy files a `check` or `fmt` command line names: files as given, and for a
// directory its `*.policy` files (not its subdirectories), sorted by name.
#pragma once
#include <string>
#include <vector>

#include "base/diagnostic.hpp"

namespace policyc {

/// A path that does not exist is reported as E0103, a directory without policy files
/// as E0601; the files found are returned in order, each once.
std::vector<std::string> collect_policy_files(const std::vector<std::string>& paths,
                                              DiagnosticSink& diags);

}  // namespace policyc
