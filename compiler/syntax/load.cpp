#include "compiler/syntax/load.hpp"

#include "base/file_text.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

#include <fmt/format.h>

#include "compiler/syntax/embedded_policies.hpp"
#include "compiler/syntax/limits.hpp"
#include "compiler/syntax/parse.hpp"

namespace policyc {

std::optional<std::string> FileSystemSource::read(const std::string& path,
                                                  std::string& error) const {
  std::error_code ec;
  const std::filesystem::file_status status = std::filesystem::status(path, ec);
  if (std::filesystem::is_directory(status)) {
    error = "is a directory";
    return std::nullopt;
  }
  // A device (/dev/zero, /dev/urandom, a terminal) never ends: refused before reading.
  if (std::filesystem::is_character_file(status) || std::filesystem::is_block_file(status)) {
    error = "is a device, not a file";
    return std::nullopt;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = std::strerror(errno);
    return std::nullopt;
  }
  // Reading stops past every input limit: /dev/zero or a huge file is refused quickly.
  std::string text = read_bounded(in, kMaxReadBytes);
  if (in.bad()) {
    error = std::strerror(errno);
    return std::nullopt;
  }
  return text;
}

std::optional<std::string> EmbeddedSource::read(const std::string& path,
                                                std::string& error) const {
  for (const EmbeddedPolicy& policy : embedded_policies()) {
    if (policy.name == path) return std::string(policy.text);
  }
  error = "no such shipped policy";
  return std::nullopt;
}

std::string resolve_import(const std::string& importer, const std::string& name) {
  std::filesystem::path target(name);
  if (target.is_absolute()) return target.lexically_normal().string();
  return (std::filesystem::path(importer).parent_path() / target).lexically_normal().string();
}

namespace {

struct Loader {
  const PolicySource& source;
  SourceManager& sources;
  DiagnosticSink& diags;
  std::vector<ast::PolicyFile> files;
  std::vector<std::string> loaded;                        // every path parsed so far
  std::vector<std::pair<std::string, SourceRange>> stack;  // path, the import that led here
  bool too_deep = false;
  bool too_many = false;

  void load(const std::string& path, SourceRange imported_at) {
    for (std::size_t i = 0; i < stack.size(); ++i) {
      if (stack[i].first != path) continue;
      std::string chain;
      for (std::size_t j = i; j < stack.size(); ++j) chain += fmt::format("'{}' imports ", stack[j].first);
      Diagnostic& d = diags.error("E0102", imported_at,
                                  fmt::format("import cycle: {}'{}'", chain, path));
      if (i + 1 < stack.size()) d.notes.push_back({stack[i + 1].second, "the cycle starts here"});
      return;
    }
    for (const std::string& done : loaded) {
      if (done == path) return;
    }
    // Each limit is reported once: an import loop through a symbolic link would hit it
    // on every branch.
    if (stack.size() >= kMaxImportDepth) {
      if (!too_deep) {
        diags.error("E0804", imported_at,
                    fmt::format("imports nest deeper than {} levels (limit)", kMaxImportDepth));
      }
      too_deep = true;
      return;
    }
    if (loaded.size() >= kMaxPolicyFiles) {
      if (!too_many) {
        diags.error("E0805", imported_at,
                    fmt::format("a policy is made of at most {} files (limit)", kMaxPolicyFiles));
      }
      too_many = true;
      return;
    }
    std::string error;
    std::optional<std::string> text = source.read(path, error);
    if (!text) {
      diags.error("E0103", imported_at,
                  imported_at.valid()
                      ? fmt::format("cannot import '{}': {}", path, error)
                      : fmt::format("cannot read policy '{}': {}", path, error));
      return;
    }
    loaded.push_back(path);
    FileId id = sources.add(path, std::move(*text));
    std::size_t index = files.size();
    files.push_back(parse_policy(sources, id, diags));
    stack.emplace_back(path, imported_at);
    std::vector<ast::Import> imports = files[index].imports;
    for (const ast::Import& import : imports) load(resolve_import(path, import.path), import.range);
    stack.pop_back();
  }
};

}  // namespace

std::vector<ast::PolicyFile> load_policies(const std::string& entry, const PolicySource& source,
                                           SourceManager& sources, DiagnosticSink& diags) {
  Loader loader{source, sources, diags, {}, {}, {}};
  loader.load(entry, SourceRange{});
  return std::move(loader.files);
}

}  // namespace policyc
