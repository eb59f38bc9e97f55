#include "runtime/atomic_write.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace policyc {

namespace {

std::string failure(const std::string& path, const char* step) {
  return fmt::format("cannot write '{}': {} ({})", path, std::strerror(errno), step);
}

}  // namespace

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

std::string write_file_atomically(const std::string& path, const std::string& content) {
  struct stat existing {};
  if (::lstat(path.c_str(), &existing) == 0) {
    if (S_ISLNK(existing.st_mode)) {
      return fmt::format(
          "cannot write '{}': it is a symbolic link; give the path of the real "
          "file",
          path);
    }
    if (S_ISDIR(existing.st_mode)) {
      return fmt::format("cannot write '{}': it is a directory", path);
    }
  }
  std::filesystem::path target(path);
  std::filesystem::path folder = target.parent_path().empty() ? "." : target.parent_path();
  std::string temp = (folder / ("." + target.filename().string() + ".XXXXXX")).string();
  int fd = ::mkstemp(temp.data());
  if (fd < 0) return failure(path, "creating a temporary file beside it");
  std::string error;
  if (::fchmod(fd, 0600) != 0) error = failure(path, "setting mode 0600");
  if (error.empty() && !write_all(fd, content)) error = failure(path, "writing");
  if (error.empty() && ::fsync(fd) != 0) error = failure(path, "syncing");
  if (::close(fd) != 0 && error.empty()) error = failure(path, "closing");
  if (error.empty() && ::rename(temp.c_str(), path.c_str()) != 0) error = failure(path, "renaming");
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
