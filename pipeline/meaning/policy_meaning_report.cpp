// The text and JSON of `explain` without a bottle (policy_meaning.hpp).
#include <fmt/format.h>

#include "base/json_writer.hpp"
#include "pipeline/meaning/policy_meaning.hpp"

namespace policyc {

namespace {

std::string when(const MeaningSource& source) {
  return source.condition.empty() ? "always" : "when " + source.condition;
}

// A source written on the field's own line needs no place of its own.
bool on_field_line(const FieldMeaning& field, const MeaningSource& source) {
  return source.rule.empty() && source.file == field.file && source.line == field.line;
}

Json at(const std::string& file, unsigned line) {
  Json place;
  place["file"] = file;
  place["line"] = line;
  return place;
}

}  // namespace

std::string policy_meaning_text(const PolicyMeaning& meaning) {
  std::string out;
  for (const FieldMeaning& field : meaning.fields) {
    const std::string head = fmt::format("{} ({}:{})", field.field, field.file, field.line);
    if (field.sources.size() == 1 && on_field_line(field, field.sources[0])) {
      out += fmt::format("{}: {}, {}\n", head, field.sources[0].what, when(field.sources[0]));
      continue;
    }
    out += head + ":\n";
    for (const MeaningSource& source : field.sources) {
      std::string place = fmt::format("{}:{}", source.file, source.line);
      if (!source.rule.empty()) place = fmt::format("rule {}, {}", source.rule, place);
      out += fmt::format("  {}, {} ({})\n", source.what, when(source), place);
    }
  }
  if (meaning.fields.empty()) out += "the policy writes no output fields\n";
  return out;
}

std::string policy_meaning_json(const PolicyMeaning& meaning) {
  Json report;
  report["fields"] = Json::array();
  for (const FieldMeaning& field : meaning.fields) {
    Json entry;
    entry["field"] = field.field;
    entry["at"] = at(field.file, field.line);
    entry["sources"] = Json::array();
    for (const MeaningSource& source : field.sources) {
      Json item;
      item["what"] = source.what;
      item["condition"] = source.condition.empty() ? Json(nullptr) : Json(source.condition);
      item["rule"] = source.rule.empty() ? Json(nullptr) : Json(source.rule);
      item["at"] = at(source.file, source.line);
      entry["sources"].push_back(std::move(item));
    }
    report["fields"].push_back(std::move(entry));
  }
  return json_text(report, 2) + "\n";
}

}  // namespace policyc
