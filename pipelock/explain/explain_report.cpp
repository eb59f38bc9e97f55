#include "pipelock/explain/explain_report.hpp"

#include <fmt/format.h>

#include "base/source_excerpt.hpp"
#include "base/json_writer.hpp"
#include "pipelock/emit/emit_json.hpp"

namespace policyc {

namespace {

constexpr const char* kCommandLine = "<command line>";

std::string where(const SourceManager& sources, const SourceRange& range) {
  if (!range.valid()) return "";
  const SourceFile& file = sources.file(range.file);
  if (file.name() == kCommandLine) return "command line";
  // A file name is shown as diagnostics show it: it cannot add a line or an escape.
  return fmt::format("{}:{}", printable_text(file.name()), file.line_col(range.begin).line);
}

std::string value_text(const Value& value) {
  switch (value.kind) {
    case Value::Kind::Bool:
      return value.boolean ? "true" : "false";
    case Value::Kind::Int:
      return std::to_string(value.integer);
    case Value::Kind::String:
      return printable_text(json_quote(value.string.str()));  // controls and bidi marks escaped
    case Value::Kind::List: {
      std::vector<std::string> items;
      for (const Value& item : value.items) items.push_back(value_text(item));
      return fmt::format("[{}]", fmt::join(items, ", "));
    }
    case Value::Kind::Record: {
      // A record of pipelock's or a map, its null fields left out as in the config.
      std::vector<std::string> fields;
      for (const auto& [key, field] : value.fields) {
        if (!field.is_null()) fields.push_back(printable_text(key) + ": " + value_text(field));
      }
      return fmt::format("{{{}}}", fmt::join(fields, ", "));
    }
    default:
      return "null";
  }
}

const char* kind_name(ValueSource::Kind kind) {
  switch (kind) {
    case ValueSource::Kind::Manifest:
      return "manifest";
    case ValueSource::Kind::Param:
      return "param";
    case ValueSource::Kind::Constant:
      return "constant";
    case ValueSource::Kind::Default:
      return "default";
    case ValueSource::Kind::Policy:
      break;
  }
  return "literal";
}

std::string source_text(const SourceManager& sources, const ValueSource& source) {
  const std::string name =
      source.kind == ValueSource::Kind::Policy ? "a literal" : describe_source(source);
  return fmt::format("{} ({})", name, where(sources, source.range));
}

std::string contribution_text(const SourceManager& sources, const Contribution& c,
                              const SourceRange& written_at) {
  const SourceRange at = c.rule.empty() ? written_at : c.rule_range;
  std::string out =
      fmt::format("{} ({})", c.rule.empty() ? "output" : "rule " + c.rule, where(sources, at));
  std::vector<std::string> from;
  for (const ValueSource& s : c.sources) {
    // A literal on the very line that wrote it says nothing more.
    if (s.kind == ValueSource::Kind::Policy && where(sources, s.range) == where(sources, at)) {
      continue;
    }
    from.push_back(source_text(sources, s));
  }
  if (!from.empty()) out += fmt::format(" from {}", fmt::join(from, ", "));
  return out;
}

std::string condition_text(const SourceManager& sources, const ExplainedCondition& c) {
  std::string out =
      fmt::format("`{}` {}", printable_text(c.text), c.holds ? "holds" : "does not hold");
  std::vector<std::string> because;
  for (const ValueSource& s : c.because) because.push_back(source_text(sources, s));
  if (!because.empty()) out += fmt::format(": {}", fmt::join(because, ", "));
  return out;
}

// `file` and `line` of a location, onto `object`; nothing for a location-less one.
void add_location(Json& object, const SourceManager& sources, const SourceRange& range) {
  if (!range.valid()) return;
  const SourceFile& file = sources.file(range.file);
  object["file"] = file.name();
  object["line"] = file.line_col(range.begin).line;
}

Json source_json(const SourceManager& sources, const ValueSource& s) {
  Json out;
  out["kind"] = kind_name(s.kind);
  out["name"] = s.name;
  add_location(out, sources, s.range);
  return out;
}

Json sources_json(const SourceManager& sources, const std::vector<ValueSource>& list) {
  Json out = Json::array();
  for (const ValueSource& s : list) out.push_back(source_json(sources, s));
  return out;
}

Json condition_json(const SourceManager& sources, const ExplainedCondition& c) {
  Json out;
  out["text"] = c.text;
  add_location(out, sources, c.range);
  out["holds"] = c.holds;
  out["because"] = sources_json(sources, c.because);
  return out;
}

Json explained_value_json(const SourceManager& sources, const ExplainedValue& v) {
  Json out;
  out["path"] = v.path;
  out["value"] = config_value_json(v.value);
  out["reasons"] = Json::array();
  for (const Contribution& c : v.reasons) {
    Json reason;
    reason["rule"] = c.rule.empty() ? Json(nullptr) : Json(c.rule);
    add_location(reason, sources, c.rule.empty() ? v.written_at : c.rule_range);
    reason["sources"] = sources_json(sources, c.sources);
    out["reasons"].push_back(std::move(reason));
  }
  return out;
}

Json rule_json(const SourceManager& sources, const ExplainedRule& rule) {
  Json out;
  out["name"] = rule.name;
  add_location(out, sources, rule.range);
  out["ran"] = rule.ran;
  out["condition"] = rule.condition ? condition_json(sources, *rule.condition) : Json(nullptr);
  out["reads"] = Json::array();
  for (const ExplainedRule::Read& read : rule.reads) {
    Json entry;
    entry["path"] = read.path;
    add_location(entry, sources, read.range);
    out["reads"].push_back(std::move(entry));
  }
  return out;
}

const char* choice_name(ExplainedChoice::Branch branch) {
  switch (branch) {
    case ExplainedChoice::Branch::Then: return "then";
    case ExplainedChoice::Branch::Else: return "else";
    case ExplainedChoice::Branch::Absent: return "absent";
  }
  return "then";
}

std::string choice_text(ExplainedChoice::Branch branch) {
  if (branch == ExplainedChoice::Branch::Absent) return "no value ('if' without 'else')";
  return fmt::format("the '{}' branch", choice_name(branch));
}

// The report's JSON text: two-space indentation and one newline at the end.
std::string report_text(const Json& report) { return json_text(report, 2) + "\n"; }

}  // namespace

std::string explain_text(const Explanation& e, const SourceManager& sources) {
  std::string out;
  for (const ExplainedRule& rule : e.rules) {
    out += fmt::format(
        "rule {} ({}): {}; {}\n", rule.name, where(sources, rule.range),
        rule.ran ? "ran" : "did not run",
        rule.condition ? condition_text(sources, *rule.condition) : "it has no condition");
  }
  if (!e.rules.empty()) out += "\n";
  for (const ExplainedConditional& c : e.conditionals) {
    out += fmt::format("{} ({}): {}; {}\n", c.path, where(sources, c.written_at),
                       c.condition.holds ? "written" : "not written",
                       condition_text(sources, c.condition));
  }
  if (!e.conditionals.empty()) out += "\n";
  for (const ExplainedChoice& c : e.choices) {
    out += fmt::format("{} ({}): {}; {}\n", c.path, where(sources, c.written_at),
                       choice_text(c.branch), condition_text(sources, c.condition));
  }
  if (!e.choices.empty()) out += "\n";
  for (const ExplainedValue& v : e.values) {
    out += fmt::format("{}: {}\n", v.path, value_text(v.value));
    for (const Contribution& c : v.reasons) {
      out += fmt::format("  {}\n", contribution_text(sources, c, v.written_at));
    }
  }
  return out;
}

std::string explain_json(const Explanation& e, const SourceManager& sources) {
  Json report;
  report["rules"] = Json::array();
  for (const ExplainedRule& rule : e.rules) report["rules"].push_back(rule_json(sources, rule));
  report["conditionals"] = Json::array();
  for (const ExplainedConditional& c : e.conditionals) {
    Json entry;
    entry["path"] = c.path;
    entry["written"] = c.condition.holds;
    entry["condition"] = condition_json(sources, c.condition);
    report["conditionals"].push_back(std::move(entry));
  }
  report["choices"] = Json::array();
  for (const ExplainedChoice& c : e.choices) {
    Json entry;
    entry["path"] = c.path;
    add_location(entry, sources, c.written_at);
    entry["branch"] = choice_name(c.branch);
    entry["condition"] = condition_json(sources, c.condition);
    report["choices"].push_back(std::move(entry));
  }
  report["values"] = Json::array();
  for (const ExplainedValue& v : e.values) {
    report["values"].push_back(explained_value_json(sources, v));
  }
  return report_text(report);
}

namespace {

std::string ssrf_text(const std::string& host, const SsrfVerdict& v) {
  switch (v.kind) {
    case SsrfVerdict::Kind::Refused:
      return fmt::format("pipelock's SSRF guard refuses {}: it is in the internal range {}, and "
                         "ssrf.ip_allowlist does not cover it",
                         host, v.internal_range);
    case SsrfVerdict::Kind::Exempted:
      return fmt::format("{} is in the internal range {}, but ssrf.ip_allowlist entry {} exempts "
                         "it from pipelock's SSRF guard",
                         host, v.internal_range, v.exempted_by);
    case SsrfVerdict::Kind::NotInternal:
      return fmt::format("{} is in no internal range: pipelock's SSRF guard lets it through", host);
    case SsrfVerdict::Kind::CheckDisabled:
      return "internal: [] turns pipelock's SSRF range check off; its core floor for literal "
             "addresses still applies, and ssrf.ip_allowlist exempts from it";
    case SsrfVerdict::Kind::Resolved:
      return fmt::format("pipelock resolves {} when the agent connects, and its SSRF guard "
                         "refuses the connection if the address is in an internal range that "
                         "ssrf.ip_allowlist does not cover",
                         host);
    case SsrfVerdict::Kind::Trusted:
      return fmt::format("trusted_domains entry {} covers {}: pipelock skips the SSRF check of "
                         "the address it resolves to",
                         v.exempted_by, host);
  }
  return "";
}

const char* ssrf_kind_name(SsrfVerdict::Kind kind) {
  switch (kind) {
    case SsrfVerdict::Kind::Refused: return "refused";
    case SsrfVerdict::Kind::Exempted: return "exempted";
    case SsrfVerdict::Kind::NotInternal: return "not_internal";
    case SsrfVerdict::Kind::CheckDisabled: return "check_disabled";
    case SsrfVerdict::Kind::Resolved: return "resolved_at_connect";
    case SsrfVerdict::Kind::Trusted: return "trusted_domain";
  }
  return "resolved_at_connect";
}

}  // namespace

std::string explain_host_text(const HostExplanation& h, const SourceManager& sources) {
  std::string out;
  const bool enforced = h.mode == "strict";
  if (h.blocked) {
    out += fmt::format("{} is blocked: a {} entry matches it, and pipelock checks that list "
                       "in every mode, allowlisted or not\n",
                       h.host, kBlocklistPath);
  } else if (h.allowed && !h.reachable()) {
    out += fmt::format("{} is in api_allowlist (mode {}), but pipelock refuses to connect to it\n",
                       h.host, h.mode);
  } else if (h.allowed) {
    out += fmt::format("{} is allowed (mode {}{})\n", h.host, h.mode,
                       enforced ? "" : ", which does not enforce api_allowlist");
  } else if (enforced) {
    out +=
        fmt::format("{} is not allowed: no api_allowlist entry matches it (mode strict)\n", h.host);
  } else {
    out += fmt::format(
        "{} is not in api_allowlist, but mode {} does not enforce it: pipelock "
        "lets it through\n",
        h.host, h.mode);
  }
  for (const HostMatch& match : h.matches) {
    out += fmt::format("  {} entry {}\n", match.list, value_text(match.entry->value));
    for (const Contribution& c : match.entry->reasons) {
      out += fmt::format("    {}\n", contribution_text(sources, c, match.entry->written_at));
    }
  }
  if (h.ssrf) out += "  " + ssrf_text(h.host, *h.ssrf) + "\n";
  if (h.allowed || h.blocked) return out;
  if (h.nearest) {
    out += fmt::format("  nearest entry: {} ({})\n", printable_text(json_quote(h.nearest->entry)),
                       h.nearest->why);
    for (const Contribution& c : h.nearest_entry->reasons) {
      out += fmt::format("    {}\n", contribution_text(sources, c, h.nearest_entry->written_at));
    }
  } else {
    out += "  no api_allowlist entry is close to it\n";
  }
  for (const ExplainedRule* rule : h.would_add) {
    for (const ExplainedRule::Read& read : rule->reads) {
      out += fmt::format("  to allow it, add it to {} in the manifest: rule {} ({}) adds those{}\n",
                         read.path, rule->name, where(sources, read.range),
                         rule->ran ? "" : ", but it does not run for this bottle");
    }
  }
  return out;
}

std::string explain_host_json(const HostExplanation& h, const SourceManager& sources) {
  Json report;
  report["host"] = h.host;
  report["mode"] = h.mode;
  report["allowed"] = h.allowed;
  report["blocked"] = h.blocked;
  report["reachable"] = h.reachable();
  report["matches"] = Json::array();
  for (const HostMatch& match : h.matches) {
    Json entry;
    entry["list"] = match.list;
    entry["entry"] = explained_value_json(sources, *match.entry);
    report["matches"].push_back(std::move(entry));
  }
  report["ssrf"] = nullptr;
  if (h.ssrf) {
    Json ssrf;
    ssrf["verdict"] = ssrf_kind_name(h.ssrf->kind);
    ssrf["internal_range"] = h.ssrf->internal_range.empty() ? Json(nullptr) : Json(h.ssrf->internal_range);
    ssrf["exempted_by"] = h.ssrf->exempted_by.empty() ? Json(nullptr) : Json(h.ssrf->exempted_by);
    report["ssrf"] = std::move(ssrf);
  }
  report["nearest"] = nullptr;
  if (h.nearest) {
    report["nearest"] = Json::object();
    report["nearest"]["why"] = h.nearest->why;
    report["nearest"]["entry"] = explained_value_json(sources, *h.nearest_entry);
  }
  report["would_add"] = Json::array();
  for (const ExplainedRule* rule : h.would_add) {
    report["would_add"].push_back(rule_json(sources, *rule));
  }
  return report_text(report);
}

}  // namespace policyc
