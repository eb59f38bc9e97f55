// Reading a whole file, and running with another working directory for a while: shared by
// the golden-case runner and the tests.
#pragma once
#include <filesystem>
#include <string>

namespace policyc {

/// The bytes of `path`, or "" when it cannot be read.
std::string read_file_text(const std::filesystem::path& path);

/// Changes the working directory for its lifetime; golden cases run in their folder so the
/// paths in diagnostics are the case's own relative paths.
class WorkingDirectory {
 public:
  explicit WorkingDirectory(const std::filesystem::path& folder)
      : saved_(std::filesystem::current_path()) {
    std::filesystem::current_path(folder);
  }
  ~WorkingDirectory() { std::filesystem::current_path(saved_); }
  WorkingDirectory(const WorkingDirectory&) = delete;
  WorkingDirectory& operator=(const WorkingDirectory&) = delete;

 private:
  std::filesystem::path saved_;
};

}  // namespace policyc
