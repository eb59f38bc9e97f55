#include "pipelock/explain/explain_report.hpp"

#include <fmt/format.h>

#include "base/source_excerpt.hpp"
#include "base/json_writer.hpp"

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

void location_json(JsonWriter& json, const SourceManager& sources, const SourceRange& range) {
  if (!range.valid()) return;
  const SourceFile& file = sources.file(range.file);
  json.key("file").value(file.name());
  json.key("line").number(file.line_col(range.begin).line);
}

void source_json(JsonWriter& json, const SourceManager& sources, const ValueSource& s) {
  json.begin_object().key("kind").value(kind_name(s.kind)).key("name").value(s.name);
  location_json(json, sources, s.range);
  json.end_object();
}

void condition_json(JsonWriter& json, const SourceManager& sources, const ExplainedCondition& c) {
  json.begin_object().key("text").value(c.text);
  location_json(json, sources, c.range);
  json.key("holds").boolean(c.holds).key("because").begin_array();
  for (const ValueSource& s : c.because) source_json(json, sources, s);
  json.end_array().end_object();
}

void value_json(JsonWriter& json, const Value& value) {
  if (value.kind == Value::Kind::Bool)
    json.boolean(value.boolean);
  else if (value.kind == Value::Kind::Int)
    json.number(value.integer);
  else if (value.kind == Value::Kind::String)
    json.value(value.string);
  else
    json.null();
}

void explained_value_json(JsonWriter& json, const SourceManager& sources, const ExplainedValue& v) {
  json.begin_object().key("path").value(v.path).key("value");
  value_json(json, v.value);
  json.key("reasons").begin_array();
  for (const Contribution& c : v.reasons) {
    json.begin_object().key("rule");
    if (c.rule.empty())
      json.null();
    else
      json.value(c.rule);
    location_json(json, sources, c.rule.empty() ? v.written_at : c.rule_range);
    json.key("sources").begin_array();
    for (const ValueSource& s : c.sources) source_json(json, sources, s);
    json.end_array().end_object();
  }
  json.end_array().end_object();
}

void rule_json(JsonWriter& json, const SourceManager& sources, const ExplainedRule& rule) {
  json.begin_object().key("name").value(rule.name);
  location_json(json, sources, rule.range);
  json.key("ran").boolean(rule.ran).key("condition");
  if (rule.condition)
    condition_json(json, sources, *rule.condition);
  else
    json.null();
  json.key("reads").begin_array();
  for (const ExplainedRule::Read& read : rule.reads) {
    json.begin_object().key("path").value(read.path);
    location_json(json, sources, read.range);
    json.end_object();
  }
  json.end_array().end_object();
}

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
  for (const ExplainedValue& v : e.values) {
    out += fmt::format("{}: {}\n", v.path, value_text(v.value));
    for (const Contribution& c : v.reasons) {
      out += fmt::format("  {}\n", contribution_text(sources, c, v.written_at));
    }
  }
  return out;
}

std::string explain_json(const Explanation& e, const SourceManager& sources) {
  JsonWriter json;
  json.begin_object().key("rules").begin_array();
  for (const ExplainedRule& rule : e.rules) rule_json(json, sources, rule);
  json.end_array().key("conditionals").begin_array();
  for (const ExplainedConditional& c : e.conditionals) {
    json.begin_object().key("path").value(c.path).key("written").boolean(c.condition.holds);
    json.key("condition");
    condition_json(json, sources, c.condition);
    json.end_object();
  }
  json.end_array().key("values").begin_array();
  for (const ExplainedValue& v : e.values) explained_value_json(json, sources, v);
  json.end_array().end_object();
  return json.str();
}

std::string explain_host_text(const HostExplanation& h, const SourceManager& sources) {
  std::string out;
  const bool enforced = h.mode == "strict";
  if (h.blocked) {
    out += fmt::format("{} is blocked: a {} entry matches it, and pipelock checks that list "
                       "in every mode, allowlisted or not\n",
                       h.host, kBlocklistPath);
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
  JsonWriter json;
  json.begin_object().key("host").value(h.host).key("mode").value(h.mode);
  json.key("allowed").boolean(h.allowed);
  json.key("blocked").boolean(h.blocked);
  json.key("reachable").boolean(h.reachable());
  json.key("matches").begin_array();
  for (const HostMatch& match : h.matches) {
    json.begin_object().key("list").value(match.list).key("entry");
    explained_value_json(json, sources, *match.entry);
    json.end_object();
  }
  json.end_array().key("nearest");
  if (h.nearest) {
    json.begin_object().key("why").value(h.nearest->why).key("entry");
    explained_value_json(json, sources, *h.nearest_entry);
    json.end_object();
  } else {
    json.null();
  }
  json.key("would_add").begin_array();
  for (const ExplainedRule* rule : h.would_add) rule_json(json, sources, *rule);
  json.end_array().end_object();
  return json.str();
}

}  // namespace policyc
