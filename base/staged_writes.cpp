#include "base/staged_writes.hpp"

#include "base/atomic_write.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>

namespace policyc {

namespace {

std::string failure(const std::string& path, int error, const char* step) {
  return fmt::format("cannot write '{}': {} ({})", path, std::strerror(error), step);
}

std::string folder_of(const std::string& path) {
  std::filesystem::path parent = std::filesystem::path(path).parent_path();
  return parent.empty() ? "." : parent.string();
}

void sync_folder(const std::string& folder) {
  int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

// A config already in place with these bytes, mode 0600 and our ownership is left as
// it is: re-running a fleet rewrites only what changed, and creating thousands of files
// is what a batch spends most of its time on.
bool already_written(const std::string& path, const struct stat& existing,
                     const std::string& content) {
  if (!S_ISREG(existing.st_mode) || (existing.st_mode & 07777) != 0600 ||
      existing.st_uid != ::geteuid() ||
      static_cast<std::size_t>(existing.st_size) != content.size()) {
    return false;
  }
  int fd = ::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) return false;
  std::string current(content.size() + 1, '\0');  // one more byte: a file that grew differs
  std::size_t done = 0;
  for (;;) {
    ssize_t n = ::read(fd, current.data() + done, current.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    done += static_cast<std::size_t>(n);
    if (done == current.size()) break;
  }
  ::close(fd);
  return done == content.size() && current.compare(0, done, content) == 0;
}

}  // namespace

StagedWrites::~StagedWrites() {
  for (const Staged& s : staged_) ::unlink(s.temp.c_str());
}

std::string StagedWrites::stage(const std::string& path, const std::string& content) {
  struct stat existing {};
  bool exists = false;
  if (std::string problem = target_problem(path, existing, exists); !problem.empty()) {
    return problem;
  }
  if (exists && already_written(path, existing, content)) return "";
  std::filesystem::path target(path);
  std::string temp =
      (std::filesystem::path(folder_of(path)) / ("." + target.filename().string() + ".XXXXXX"))
          .string();
  int fd = ::mkstemp(temp.data());
  if (fd < 0) return failure(path, errno, "creating a temporary file beside it");
  std::string error;
  if (::fchmod(fd, 0600) != 0) error = failure(path, errno, "setting mode 0600");
  if (error.empty() && !write_all(fd, content)) error = failure(path, errno, "writing");
  if (::close(fd) != 0 && error.empty()) error = failure(path, errno, "closing");
  if (!error.empty()) {
    ::unlink(temp.c_str());
    return error;
  }
  std::lock_guard<std::mutex> lock(mutex_);
  staged_.push_back({std::move(temp), path});
  return "";
}

std::vector<StagedWrites::Failure> StagedWrites::commit() {
  std::lock_guard<std::mutex> lock(mutex_);
  std::vector<Failure> failures;
  if (staged_.empty()) return failures;
  // Every temporary file's data reaches the disk before any rename: after a crash each
  // target holds its old or its new content.
  int fd = ::open(folder_of(staged_.front().target).c_str(), O_RDONLY | O_DIRECTORY);
  if (fd < 0 || ::syncfs(fd) != 0) ::sync();
  if (fd >= 0) ::close(fd);
  std::vector<std::string> folders;
  for (const Staged& s : staged_) {
    // Checked again at the rename: a FIFO or device planted since stage() is refused.
    if (std::string error = rename_over_regular_file(s.temp, s.target); !error.empty()) {
      failures.push_back({s.target, std::move(error)});
      ::unlink(s.temp.c_str());
      continue;
    }
    folders.push_back(folder_of(s.target));
  }
  staged_.clear();
  std::sort(folders.begin(), folders.end());
  folders.erase(std::unique(folders.begin(), folders.end()), folders.end());
  for (const std::string& folder : folders) sync_folder(folder);
  return failures;
}

}  // namespace policyc
