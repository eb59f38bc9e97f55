#include "pipelock/emit/render_yaml.hpp"

#include <algorithm>

#include "base/text_rules.hpp"
#include "pipelock/emit/emit_scalars.hpp"
#include "pipelock/schema/output_schema.hpp"

namespace policyc {

namespace {

using Kind = Value::Kind;

// Control bytes become \xNN, which YAML decodes back to the same byte, so no value
// can end the string or the line early.
std::string end_line(const LineComment& comment, const OutputNode& n, const Value* item) {
  std::string text = comment ? comment(n, item) : "";
  if (text.empty()) return "\n";
  for (char& c : text) {
    if (is_control(c)) c = '?';
  }
  return "  # " + text + "\n";
}

std::string key_text(const std::string& key) { return plain_safe(key) ? key : quoted(key); }

void render_fields(std::string& out, const Value& record, std::size_t indent, bool first_inline);

// What follows `key:` for a value inside a record or map, whose key is at `indent`.
void render_nested(std::string& out, const Value& v, std::size_t indent) {
  if (v.kind == Kind::List) {
    if (v.items.empty()) {
      out += " []\n";
      return;
    }
    out += "\n";
    for (const Value& item : v.items) {
      out += std::string(indent + 2, ' ') + "- ";
      if (item.kind == Kind::Record && has_written_fields(item)) {
        render_fields(out, item, indent + 4, true);
      } else {
        out += (item.kind == Kind::Record ? "{}" : scalar_text(item, false)) + "\n";
      }
    }
  } else if (v.kind == Kind::Record) {
    if (!has_written_fields(v)) {
      out += " {}\n";
      return;
    }
    out += "\n";
    render_fields(out, v, indent + 2, false);
  } else {
    out += " " + scalar_text(v, false) + "\n";
  }
}

// `key: value` per written field of a record (or entry of a map) at `indent`; the first
// one goes on the current line when `first_inline` (after a list item's `- `).
void render_fields(std::string& out, const Value& record, std::size_t indent, bool first_inline) {
  bool first = true;
  for (const auto& [key, value] : record.fields) {
    if (value.is_null()) continue;
    if (!first || !first_inline) out += std::string(indent, ' ');
    first = false;
    out += key_text(key) + ":";
    render_nested(out, value, indent);
  }
}

void render_node(std::string& out, const OutputNode& n, std::size_t indent,
                 const LineComment& comment) {
  const std::string pad(indent, ' ');
  const std::string key = pad + key_text(n.key) + ":";
  if (n.is_section) {
    bool any = std::any_of(n.children.begin(), n.children.end(),
                           [](const OutputNode& c) { return !omitted_in_section(c); });
    out += key + (any ? "" : " {}") + end_line(comment, n, nullptr);
    for (const OutputNode& child : n.children) {
      if (!omitted_in_section(child)) render_node(out, child, indent + 2, comment);
    }
  } else if (n.value().kind == Kind::List) {
    out += key + (n.value().items.empty() ? " []" : "") + end_line(comment, n, nullptr);
    // Appended piece by piece: an allowlist can hold a hundred thousand items.
    const std::string item_prefix = pad + "  - ";
    for (const Value& item : n.value().items) {
      out += item_prefix;
      if (item.kind == Kind::Record && has_written_fields(item)) {
        render_fields(out, item, indent + 4, true);
        continue;
      }
      if (item.kind == Kind::String) {
        append_quoted(out, item.string);
      } else {
        out += item.kind == Kind::Record ? "{}" : scalar_text(item, false);
      }
      out += end_line(comment, n, &item);
    }
  } else if (n.value().kind == Kind::Record) {
    out += key;
    render_nested(out, n.value(), indent);
  } else {
    out += key + " " + scalar_text(n.value(), n.field && n.field->bare) +
           end_line(comment, n, nullptr);
  }
}

}  // namespace

std::string render_pipelock_yaml(const OutputDocument& document) {
  return render_pipelock_yaml(document, LineComment());
}

std::string render_pipelock_yaml(const OutputDocument& document, const LineComment& comment) {
  std::string out;
  bool previous_block = false;
  for (const OutputNode& n : document) {
    const bool block =
        n.is_section || n.value().kind == Kind::List || n.value().kind == Kind::Record;
    if (!out.empty() && (block || previous_block)) out += "\n";
    render_node(out, n, 0, comment);
    previous_block = block;
  }
  // An empty file is a valid pipelock config too, but `{}` says so explicitly.
  return out.empty() ? "{}\n" : out;
}

}  // namespace policyc
