#include "base/diagnostic_json.hpp"

#include <algorithm>

#include "base/json_writer.hpp"

namespace policyc {

namespace {

Json json_position(const SourceFile& file, std::uint32_t offset) {
  LineCol at = file.line_col(offset);
  Json position;
  position["line"] = at.line;
  position["column"] = at.column;
  return position;
}

// `"file":..,"range":..` of a location, onto `object`.
void add_location(Json& object, const SourceRange& range, const SourceManager& sources) {
  if (!range.valid()) {
    object["file"] = nullptr;
    object["range"] = nullptr;
    return;
  }
  const SourceFile& file = sources.file(range.file);
  object["file"] = file.name();
  object["range"]["start"] = json_position(file, range.begin);
  object["range"]["end"] = json_position(file, std::max(range.begin, range.end));
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

std::string render_json(const Diagnostic& d, const SourceManager& sources) {
  Json line;
  line["code"] = d.code;
  line["severity"] = severity_word(d.severity);
  line["message"] = d.message;
  add_location(line, d.range, sources);
  line["notes"] = Json::array();
  for (const DiagnosticNote& note : d.notes) {
    Json entry;
    entry["message"] = note.message;
    add_location(entry, note.range, sources);
    line["notes"].push_back(std::move(entry));
  }
  line["suggestion"] = d.suggestion.empty() ? Json(nullptr) : Json(d.suggestion);
  line["fixes"] = Json::array();
  for (const TextEdit& fix : d.fixes) {
    Json edit;
    add_location(edit, fix.range, sources);
    edit["text"] = fix.text;
    line["fixes"].push_back(std::move(edit));
  }
  return json_text(line, -1) + "\n";
}

}  // namespace policyc
