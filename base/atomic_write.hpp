// Writing the config so that a reader sees the old file or the new one, never a part.
#pragma once
#include <sys/stat.h>

#include <string>

namespace policyc {

/// Who may read what is written. A config is the owner's alone, whatever the umask; a
/// file of the user's project (a policy `fmt --write` rewrites, a golden case) keeps
/// the mode it had, or gets the umask's like any file an editor creates.
enum class FileAccess { OwnerOnly, LikeSourceFile };

/// Writes `content` to `path`: a temporary file in the same folder, fsync, rename, fsync
/// of the folder; mode 0600, or for LikeSourceFile the existing file's mode (0666 less
/// the umask for a new one). Refuses any existing `path` that is not a regular file (see
/// target_problem). Returns "" or the reason it failed, in which case any previous file
/// is untouched.
std::string write_file_atomically(const std::string& path, const std::string& content,
                                  FileAccess access = FileAccess::OwnerOnly);

/// Why a config must not replace `path`: "" when nothing is there or a regular file is,
/// otherwise "cannot write 'PATH': it is ..." (a symbolic link, even a dangling one; a
/// folder; a device, FIFO or socket, which a rename would silently replace: as root,
/// `-o /dev/null` would turn /dev/null into a file). `existing` gets lstat's answer and
/// `exists` whether there was one.
std::string target_problem(const std::string& path, struct stat& existing, bool& exists);

/// Renames the finished temporary file `temp` over `path`, checking `path` again just
/// before: a target that appeared or changed kind since the first check is refused. A
/// target that does not exist is created with RENAME_NOREPLACE, so a FIFO or device
/// planted in that window is seen, not replaced. Returns "" or the reason; `temp` is
/// left for the caller to remove on failure.
std::string rename_over_regular_file(const std::string& temp, const std::string& path);

/// Whether `a` and `b` name the same existing file (device and inode, links followed):
/// a hard link or a symbolic link to a bottle is that bottle.
bool same_file(const std::string& a, const std::string& b);

/// Writes all of `content` to `fd`, retrying short writes and EINTR; false on error (errno set).
bool write_all(int fd, const std::string& content);

}  // namespace policyc
