// The documents the client has open: their text is the truth, not the disk's.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "compiler/syntax/load.hpp"

namespace policyc::lsp {

struct Document {
  std::string uri;
  std::string path;  // absolute, lexically normal: how the policy loader names files
  std::string language;
  std::string text;
  long long version = 0;
};

/// The path of a `file:` URI (percent escapes decoded, made lexically normal); nothing
/// for another scheme, a remote host, or a path that decodes to a NUL byte.
std::optional<std::string> path_of_uri(std::string_view uri);
/// The `file:` URI of an absolute path, with every byte outside RFC 3986's unreserved
/// set and '/' percent-encoded.
std::string uri_of_path(const std::string& path);

class Documents {
 public:
  /// False when the URI is not a file the server can name.
  bool open(const std::string& uri, std::string language, std::string text, long long version);
  bool change(const std::string& uri, std::string text, long long version);
  void close(const std::string& uri);
  const Document* find(const std::string& uri) const;
  const Document* find_path(const std::string& path) const;
  std::vector<const Document*> all() const;

 private:
  std::map<std::string, Document> by_uri_;
};

/// Policy files read from the open documents first, then from the disk, so an unsaved
/// edit to an imported file is what its importers see. With a root, a relative name is
/// read under it (a project's files are named relative to its root, as ProjectSource
/// names them). A pipe or socket on disk is refused rather than waited on.
class OverlaySource : public PolicySource {
 public:
  explicit OverlaySource(const Documents& documents, std::string root = "")
      : documents_(documents), root_(std::move(root)) {}
  std::optional<std::string> read(const std::string& path, std::string& error) const override;

 private:
  const Documents& documents_;
  std::string root_;
};

}  // namespace policyc::lsp
