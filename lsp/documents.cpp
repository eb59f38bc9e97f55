#include "lsp/documents.hpp"

#include <filesystem>

namespace policyc::lsp {

namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool unreserved(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         c == '-' || c == '.' || c == '_' || c == '~' || c == '/';
}

}  // namespace

std::optional<std::string> path_of_uri(std::string_view uri) {
  constexpr std::string_view kScheme = "file://";
  if (uri.substr(0, kScheme.size()) != kScheme) return std::nullopt;
  uri.remove_prefix(kScheme.size());
  if (uri.empty() || uri.front() != '/') {
    if (uri.substr(0, 10) != "localhost/") return std::nullopt;  // file://host/... is remote
    uri.remove_prefix(9);
  }
  std::string path;
  for (std::size_t i = 0; i < uri.size(); ++i) {
    if (uri[i] == '?' || uri[i] == '#') break;
    if (uri[i] == '%' && i + 2 < uri.size() && hex_value(uri[i + 1]) >= 0 &&
        hex_value(uri[i + 2]) >= 0) {
      path += static_cast<char>(hex_value(uri[i + 1]) * 16 + hex_value(uri[i + 2]));
      i += 2;
    } else {
      path += uri[i];
    }
  }
  if (path.find('\0') != std::string::npos) return std::nullopt;
  return std::filesystem::path(path).lexically_normal().string();
}

std::string uri_of_path(const std::string& path) {
  static const char* kHex = "0123456789ABCDEF";
  std::string uri = "file://";
  for (unsigned char c : path) {
    if (unreserved(c)) {
      uri += static_cast<char>(c);
    } else {
      uri += '%';
      uri += kHex[c >> 4];
      uri += kHex[c & 15];
    }
  }
  return uri;
}

bool Documents::open(const std::string& uri, std::string language, std::string text,
                     long long version) {
  std::optional<std::string> path = path_of_uri(uri);
  if (!path) return false;
  by_uri_[uri] = {uri, *path, std::move(language), std::move(text), version};
  return true;
}

bool Documents::change(const std::string& uri, std::string text, long long version) {
  auto it = by_uri_.find(uri);
  if (it == by_uri_.end()) return false;
  it->second.text = std::move(text);
  it->second.version = version;
  return true;
}

void Documents::close(const std::string& uri) { by_uri_.erase(uri); }

const Document* Documents::find(const std::string& uri) const {
  auto it = by_uri_.find(uri);
  return it == by_uri_.end() ? nullptr : &it->second;
}

const Document* Documents::find_path(const std::string& path) const {
  for (const auto& [uri, document] : by_uri_) {
    if (document.path == path) return &document;
  }
  return nullptr;
}

std::vector<const Document*> Documents::all() const {
  std::vector<const Document*> out;
  for (const auto& [uri, document] : by_uri_) out.push_back(&document);
  return out;
}

std::optional<std::string> OverlaySource::read(const std::string& path, std::string& error) const {
  const std::string normal = (std::filesystem::path(root_) / path).lexically_normal().string();
  if (const Document* open = documents_.find_path(normal)) return open->text;
  const std::string on_disk = root_.empty() ? path : normal;
  // The command line reads a pipe as a file (`--policy <(...)`); a server must not wait
  // on one, or every request after it waits too.
  std::error_code ec;
  const std::filesystem::file_status status = std::filesystem::status(on_disk, ec);
  if (std::filesystem::is_fifo(status) || std::filesystem::is_socket(status)) {
    error = "is a pipe or a socket, which the language server does not read; use a regular file";
    return std::nullopt;
  }
  return FileSystemSource().read(on_disk, error);
}

}  // namespace policyc::lsp
