// Writing the config so that a reader sees the old file or the new one, never a part.
#pragma once
#include <string>

namespace policyc {

/// Writes `content` to `path` with mode 0600: a temporary file in the same folder,
/// fsync, rename, fsync of the folder. Refuses symbolic links and folders. Returns ""
/// or the reason it failed, in which case any previous file is untouched.
std::string write_file_atomically(const std::string& path, const std::string& content);

/// Writes all of `content` to `fd`, retrying short writes and EINTR; false on error (errno set).
bool write_all(int fd, const std::string& content);

}  // namespace policyc
