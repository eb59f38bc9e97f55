// Source files owned once for the whole run, and byte ranges into them.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace policyc {

using FileId = std::uint32_t;
inline constexpr FileId kNoFile = 0xffffffffu;

/// A half-open byte range [begin, end) in one source file.
struct SourceRange {
  FileId file = kNoFile;
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  bool valid() const { return file != kNoFile; }
};

struct LineCol {
  unsigned line = 1;    // 1-based
  unsigned column = 1;  // 1-based, in bytes
};

/// One input: a policy, a manifest, or the command line. Its text outlives every pass.
class SourceFile {
 public:
  SourceFile(std::string name, std::string text);
  const std::string& name() const { return name_; }
  const std::string& text() const { return text_; }
  LineCol line_col(std::uint32_t offset) const;
  /// The text of a 1-based line, without its line terminator.
  std::string_view line_text(unsigned line) const;
  unsigned line_count() const { return static_cast<unsigned>(line_starts_.size()); }
  std::uint32_t line_start(unsigned line) const { return line_starts_[line - 1]; }

 private:
  std::string name_;
  std::string text_;
  std::vector<std::uint32_t> line_starts_;
};

/// Owns every SourceFile of a run; ranges refer to files by id. A copy shares the files
/// it already holds (they never change), so batch mode gives each bottle its own cheap
/// copy of the checked policy's sources and adds the bottle to it.
class SourceManager {
 public:
  FileId add(std::string name, std::string text);
  const SourceFile& file(FileId id) const { return *files_.at(id); }
  std::size_t size() const { return files_.size(); }
  /// "name:line:col" of a range's start.
  std::string location(const SourceRange& range) const;
  /// "name:line" of a range's start: where a report names a line, not a column.
  std::string file_line(const SourceRange& range) const;
  std::string_view text(const SourceRange& range) const;

 private:
  std::vector<std::shared_ptr<const SourceFile>> files_;
};

}  // namespace policyc
