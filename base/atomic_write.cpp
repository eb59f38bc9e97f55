#include "base/atomic_write.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>

namespace policyc {

namespace {

std::string failure(const std::string& path, const char* step) {
  return fmt::format("cannot write '{}': {} ({})", path, std::strerror(errno), step);
}

const char* kind_refused(mode_t mode) {
  if (S_ISLNK(mode)) return "a symbolic link; give the path of the real file";
  if (S_ISDIR(mode)) return "a directory";
  if (S_ISFIFO(mode)) return "a FIFO (named pipe), not a regular file";
  if (S_ISSOCK(mode)) return "a socket, not a regular file";
  if (S_ISCHR(mode)) return "a character device, not a regular file";
  if (S_ISBLK(mode)) return "a block device, not a regular file";
  if (!S_ISREG(mode)) return "not a regular file";
  return nullptr;
}

}  // namespace

std::string target_problem(const std::string& path, struct stat& existing, bool& exists) {
  exists = ::lstat(path.c_str(), &existing) == 0;
  if (!exists) return "";
  const char* kind = kind_refused(existing.st_mode);
  return kind ? fmt::format("cannot write '{}': it is {}", path, kind) : "";
}

std::string rename_over_regular_file(const std::string& temp, const std::string& path) {
  for (int attempt = 0; attempt < 2; ++attempt) {
    struct stat existing {};
    bool exists = false;
    std::string problem = target_problem(path, existing, exists);
    if (!problem.empty()) return problem;
    if (!exists) {
      if (::renameat2(AT_FDCWD, temp.c_str(), AT_FDCWD, path.c_str(), RENAME_NOREPLACE) == 0) {
        return "";
      }
      if (errno == EEXIST) continue;  // something appeared meanwhile: check what it is
      if (errno != EINVAL && errno != ENOSYS) return failure(path, "renaming");
      // A filesystem without RENAME_NOREPLACE: a plain rename, as before the check.
    }
    if (::rename(temp.c_str(), path.c_str()) == 0) return "";
    return failure(path, "renaming");
  }
  errno = EEXIST;
  return failure(path, "renaming");
}

bool same_file(const std::string& a, const std::string& b) {
  struct stat first {
  }, second{};
  return ::stat(a.c_str(), &first) == 0 && ::stat(b.c_str(), &second) == 0 &&
         first.st_dev == second.st_dev && first.st_ino == second.st_ino;
}

bool write_all(int fd, const std::string& content) {
  std::size_t done = 0;
  while (done < content.size()) {
    ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    done += static_cast<std::size_t>(n);
  }
  return true;
}

namespace {

// umask(2) can only be read by setting it, which would race with other threads; Linux
// reports it in /proc/self/status since 4.7.
mode_t current_umask() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("Umask:", 0) == 0) {
      return static_cast<mode_t>(std::stoul(line.substr(6), nullptr, 8));
    }
  }
  return 022;
}

mode_t mode_for(FileAccess access, const struct stat& existing, bool exists) {
  if (access == FileAccess::OwnerOnly) return 0600;
  return exists ? existing.st_mode & 07777 : 0666 & ~current_umask();
}

}  // namespace

std::string write_file_atomically(const std::string& path, const std::string& content,
                                  FileAccess access) {
  struct stat existing {};
  bool exists = false;
  if (std::string problem = target_problem(path, existing, exists); !problem.empty()) {
    return problem;
  }
  std::filesystem::path target(path);
  std::filesystem::path folder = target.parent_path().empty() ? "." : target.parent_path();
  std::string temp = (folder / ("." + target.filename().string() + ".XXXXXX")).string();
  int fd = ::mkstemp(temp.data());
  if (fd < 0) return failure(path, "creating a temporary file beside it");
  std::string error;
  const mode_t mode = mode_for(access, existing, exists);
  if (::fchmod(fd, mode) != 0) error = failure(path, "setting its mode");
  if (error.empty() && !write_all(fd, content)) error = failure(path, "writing");
  if (error.empty() && ::fsync(fd) != 0) error = failure(path, "syncing");
  if (::close(fd) != 0 && error.empty()) error = failure(path, "closing");
  if (error.empty()) error = rename_over_regular_file(temp, path);
  if (!error.empty()) {
    ::unlink(temp.c_str());
    return error;
  }
  int dir = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY);
  if (dir >= 0) {
    ::fsync(dir);
    ::close(dir);
  }
  return "";
}

}  // namespace policyc
