// Batch outputs, written so that a reader sees each old file or its new one, never a
// part (as write_file_atomically does for one file), but with one filesystem sync for
// the whole batch instead of two fsyncs per file: on this kind of disk an fsync costs
// milliseconds, which would cap a fleet at a few hundred bottles per second.
#pragma once
#include <mutex>
#include <string>
#include <utility>
#include <vector>

namespace policyc {

class StagedWrites {
 public:
  StagedWrites() = default;
  StagedWrites(const StagedWrites&) = delete;
  StagedWrites& operator=(const StagedWrites&) = delete;
  ~StagedWrites();  // removes what was staged and never committed

  /// Writes `content` to a temporary file beside `path`, mode 0600; nothing when `path`
  /// already holds exactly `content` with mode 0600. Refuses a `path` that is not a
  /// regular file (target_problem in base/atomic_write.hpp). Returns "" or the
  /// reason. Thread-safe.
  std::string stage(const std::string& path, const std::string& content);

  struct Failure {
    std::string path;
    std::string message;
  };

  /// Makes every staged file durable (one sync), renames each over its target, then
  /// syncs the targets' folders; a target that is no longer a regular file (or nothing)
  /// is refused. Returns the targets that could not be renamed.
  std::vector<Failure> commit();

 private:
  struct Staged {
    std::string temp;
    std::string target;
  };
  std::mutex mutex_;
  std::vector<Staged> staged_;
};

}  // namespace policyc
