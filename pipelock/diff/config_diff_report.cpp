#include "pipelock/diff/config_diff_report.hpp"

#include <fmt/format.h>

#include "base/source_excerpt.hpp"
#include "base/json_writer.hpp"

namespace policyc {

namespace {

// A bottle the new policy refuses, in place of a verdict; its errors are on stderr.
constexpr const char* kFailed = "failed (the new policy does not compile it; see its errors)";

const char* change_name(ConfigChange::Kind kind) {
  switch (kind) {
    case ConfigChange::Kind::Added:
      return "added";
    case ConfigChange::Kind::Removed:
      return "removed";
    case ConfigChange::Kind::Changed:
      break;
  }
  return "changed";
}

std::string shown(const ConfigChange& c, const std::string& value) {
  return c.is_string ? json_quote(value) : value;
}

bool is_integer(const std::string& s) {
  const std::size_t digits = s.size() - (!s.empty() && s[0] == '-');
  return digits > 0 && digits < 19 &&
         s.find_first_not_of("0123456789", s.size() - digits) == std::string::npos;
}

// Bools and numbers as JSON bools and numbers, everything else as a string.
Json value_json(const ConfigChange& c, const std::string& value) {
  if (!c.is_string && (value == "true" || value == "false")) return value == "true";
  if (!c.is_string && is_integer(value)) return std::stoll(value);
  return value;
}


}  // namespace

std::string values_text(const ConfigChange& c) {
  switch (c.kind) {
    case ConfigChange::Kind::Added:
      return shown(c, c.new_value);
    case ConfigChange::Kind::Removed:
      return shown(c, c.old_value);
    case ConfigChange::Kind::Changed:
      break;
  }
  return fmt::format("{} -> {}", shown(c, c.old_value), shown(c, c.new_value));
}

std::string change_text(const ConfigChange& c) {
  const char sign = c.kind == ConfigChange::Kind::Added     ? '+'
                    : c.kind == ConfigChange::Kind::Removed ? '-'
                                                            : '~';
  const std::string what = fmt::format("{} {}: {}", sign, c.path, values_text(c));
  const char* direction = direction_name(c.direction);
  return c.note.empty() ? fmt::format("{}  [{}]", what, direction)
                        : fmt::format("{}  [{}: {}]", what, direction, c.note);
}

Json change_json(const ConfigChange& c) {
  Json change;
  change["path"] = c.path;
  change["change"] = change_name(c.kind);
  change["old"] = c.kind == ConfigChange::Kind::Added ? Json(nullptr) : value_json(c, c.old_value);
  change["new"] = c.kind == ConfigChange::Kind::Removed ? Json(nullptr) : value_json(c, c.new_value);
  change["direction"] = direction_name(c.direction);
  change["note"] = c.note;
  return change;
}

std::string diff_text(const std::vector<NamedDiff>& diffs, Verdict verdict) {
  std::string out;
  std::size_t failed = 0;
  for (const NamedDiff& d : diffs) {
    if (d.failed) {
      ++failed;
      out += fmt::format("{}: {}\n", printable_text(d.name), kFailed);
      continue;
    }
    out += fmt::format("{}: {}\n", printable_text(d.name), verdict_name(d.diff.verdict));
    for (const ConfigChange& c : d.diff.changes) out += "  " + change_text(c) + "\n";
  }
  std::size_t counts[4] = {0, 0, 0, 0};
  for (const NamedDiff& d : diffs) counts[static_cast<int>(d.diff.verdict)] += d.failed ? 0 : 1;
  std::vector<std::string> parts;
  for (Verdict v : {Verdict::Wider, Verdict::Mixed, Verdict::Narrower, Verdict::Same}) {
    if (counts[static_cast<int>(v)] > 0) {
      parts.push_back(fmt::format("{} {}", counts[static_cast<int>(v)], verdict_name(v)));
    }
  }
  if (failed > 0) parts.push_back(fmt::format("{} failed", failed));
  out += fmt::format("verdict: {}", verdict_name(verdict));
  if (diffs.size() > 1) out += fmt::format(" ({})", fmt::join(parts, ", "));
  return out + "\n";
}

std::string diff_json(const std::vector<NamedDiff>& diffs, Verdict verdict) {
  Json report;
  report["verdict"] = verdict_name(verdict);
  report["configs"] = Json::array();
  for (const NamedDiff& d : diffs) {
    Json config;
    config["name"] = d.name;
    config["verdict"] = d.failed ? "failed" : verdict_name(d.diff.verdict);
    config["changes"] = Json::array();
    for (const ConfigChange& c : d.diff.changes) {
      config["changes"].push_back(change_json(c));
    }
    report["configs"].push_back(std::move(config));
  }
  return json_text(report, 2) + "\n";
}

}  // namespace policyc
