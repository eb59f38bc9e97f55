#include "cli/policy_paths.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>

namespace policyc {

namespace fs = std::filesystem;

std::vector<std::string> collect_policy_files(const std::vector<std::string>& paths,
                                              DiagnosticSink& diags) {
  std::vector<std::string> files;
  for (const std::string& path : paths) {
    std::error_code ec;
    if (!fs::is_directory(path, ec)) {
      if (!fs::exists(path, ec)) {
        diags.error("E0103", {},
                    fmt::format("cannot read policy '{}': No such file or directory", path));
        continue;
      }
      files.push_back(path);
      continue;
    }
    std::vector<std::string> found;
    for (const auto& entry : fs::directory_iterator(path, ec)) {
      if (entry.path().extension() == ".policy" && !entry.is_directory()) {
        found.push_back((fs::path(path) / entry.path().filename()).lexically_normal().string());
      }
    }
    if (found.empty()) {
      diags.error("E0601", {}, fmt::format("no .policy files in '{}'", path));
      continue;
    }
    std::sort(found.begin(), found.end());
    files.insert(files.end(), found.begin(), found.end());
  }
  std::vector<std::string> unique;
  for (const std::string& file : files) {
    if (std::find(unique.begin(), unique.end(), file) == unique.end()) unique.push_back(file);
  }
  return unique;
}

}  // namespace policyc
