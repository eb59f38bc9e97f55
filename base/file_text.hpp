// Reading a whole file, and running with another working directory for a while: shared by
// the golden-case runner and the tests.
#pragma once
#include <cstddef>
#include <filesystem>
#include <istream>
#include <string>

namespace policyc {

/// The bytes of `path`, or "" when it cannot be read.
std::string read_file_text(const std::filesystem::path& path);

/// At most `limit` bytes of `in` (a file, or standard input): reading stops past the
/// limit, so an endless or huge input costs no more than the limit. Reads whole 64 KiB
/// chunks, as some endless files (/proc/self/pagemap) refuse reads of odd sizes.
std::string read_bounded(std::istream& in, std::size_t limit);

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
