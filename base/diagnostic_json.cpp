#include "base/diagnostic_json.hpp"

#include <fmt/format.h>

namespace policyc {

namespace {

// Length of the valid UTF-8 sequence at `at`, or 0.
std::size_t utf8_length(const std::string& text, std::size_t at) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(at);
  std::size_t length = lead < 0x80                    ? 1
                       : lead >= 0xC2 && lead <= 0xDF ? 2
                       : lead >= 0xE0 && lead <= 0xEF ? 3
                       : lead >= 0xF0 && lead <= 0xF4 ? 4
                                                      : 0;
  if (length == 0 || at + length > text.size()) return 0;
  for (std::size_t i = 1; i < length; ++i) {
    if ((byte(at + i) & 0xC0) != 0x80) return 0;
  }
  // Overlong forms, surrogates and code points past U+10FFFF.
  const unsigned char second = byte(at + (length > 1 ? 1 : 0));
  if (length == 3 && lead == 0xE0 && second < 0xA0) return 0;
  if (length == 3 && lead == 0xED && second >= 0xA0) return 0;
  if (length == 4 && lead == 0xF0 && second < 0x90) return 0;
  if (length == 4 && lead == 0xF4 && second >= 0x90) return 0;
  return length;
}

std::string json_position(const SourceFile& file, std::uint32_t offset) {
  LineCol at = file.line_col(offset);
  return fmt::format(R"({{"line":{},"column":{}}})", at.line, at.column);
}

// `"file":..,"range":..` of a location.
std::string json_location(const SourceRange& range, const SourceManager& sources) {
  if (!range.valid()) return R"("file":null,"range":null)";
  const SourceFile& file = sources.file(range.file);
  return fmt::format(R"("file":{},"range":{{"start":{},"end":{}}})", json_string(file.name()),
                     json_position(file, range.begin),
                     json_position(file, std::max(range.begin, range.end)));
}

const char* severity_word(Severity severity) {
  switch (severity) {
    case Severity::Error:
      return "error";
    case Severity::Warning:
      return "warning";
    case Severity::Note:
      return "note";
  }
  return "error";
}

}  // namespace

std::string json_string(const std::string& text) {
  std::string out = "\"";
  for (std::size_t i = 0; i < text.size();) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c < 0x20 || c == 0x7F) {
      out += fmt::format("\\u{:04x}", c);
    } else if (c >= 0x80) {
      std::size_t length = utf8_length(text, i);
      if (length == 0) {
        out += "\xEF\xBF\xBD";  // U+FFFD: JSON text must be valid UTF-8
        ++i;
        continue;
      }
      out.append(text, i, length);
      i += length;
      continue;
    } else {
      out += static_cast<char>(c);
    }
    ++i;
  }
  return out + "\"";
}

std::string render_json(const Diagnostic& d, const SourceManager& sources) {
  std::string notes;
  for (const DiagnosticNote& note : d.notes) {
    if (!notes.empty()) notes += ",";
    notes += fmt::format(R"({{"message":{},{}}})", json_string(note.message),
                         json_location(note.range, sources));
  }
  return fmt::format(R"({{"code":{},"severity":"{}","message":{},{},"notes":[{}],"suggestion":{}}})"
                     "\n",
                     json_string(d.code), severity_word(d.severity), json_string(d.message),
                     json_location(d.range, sources), notes,
                     d.suggestion.empty() ? "null" : json_string(d.suggestion));
}

}  // namespace policyc
