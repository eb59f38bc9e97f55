#include "base/source.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace policyc {

SourceFile::SourceFile(std::string name, std::string text)
    : name_(std::move(name)), text_(std::move(text)) {
  line_starts_.push_back(0);
  for (std::uint32_t i = 0; i < text_.size(); ++i) {
    // A lone CR ends a line too, as YAML and most editors treat it.
    if (text_[i] == '\n' || (text_[i] == '\r' && (i + 1 == text_.size() || text_[i + 1] != '\n'))) {
      line_starts_.push_back(i + 1);
    }
  }
}

LineCol SourceFile::line_col(std::uint32_t offset) const {
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  unsigned line = static_cast<unsigned>(it - line_starts_.begin());
  return {line, offset - line_starts_[line - 1] + 1};
}

std::string_view SourceFile::line_text(unsigned line) const {
  if (line == 0 || line > line_starts_.size()) return {};
  std::uint32_t begin = line_starts_[line - 1];
  std::uint32_t end = line < line_starts_.size() ? line_starts_[line] : text_.size();
  while (end > begin && (text_[end - 1] == '\n' || text_[end - 1] == '\r')) --end;
  return std::string_view(text_).substr(begin, end - begin);
}

FileId SourceManager::add(std::string name, std::string text) {
  files_.push_back(std::make_shared<const SourceFile>(std::move(name), std::move(text)));
  return static_cast<FileId>(files_.size() - 1);
}

std::string SourceManager::location(const SourceRange& range) const {
  if (!range.valid()) return "policyc";
  const SourceFile& f = file(range.file);
  LineCol lc = f.line_col(range.begin);
  return fmt::format("{}:{}:{}", f.name(), lc.line, lc.column);
}

std::string SourceManager::file_line(const SourceRange& range) const {
  if (!range.valid()) return "policyc";
  return fmt::format("{}:{}", file(range.file).name(), file(range.file).line_col(range.begin).line);
}

std::string_view SourceManager::text(const SourceRange& range) const {
  if (!range.valid()) return {};
  return std::string_view(file(range.file).text()).substr(range.begin, range.end - range.begin);
}

}  // namespace policyc
