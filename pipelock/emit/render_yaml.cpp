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

void render_node(std::string& out, const OutputNode& n, std::size_t indent,
                 const LineComment& comment) {
  const std::string pad(indent, ' ');
  const std::string key = pad + (plain_safe(n.key) ? n.key : quoted(n.key)) + ":";
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
      if (item.kind == Kind::String) {
        append_quoted(out, item.string);
      } else {
        out += scalar_text(item, false);
      }
      out += end_line(comment, n, &item);
    }
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
    const bool block = n.is_section || n.value().kind == Kind::List;
    if (!out.empty() && (block || previous_block)) out += "\n";
    render_node(out, n, 0, comment);
    previous_block = block;
  }
  // An empty file is a valid pipelock config too, but `{}` says so explicitly.
  return out.empty() ? "{}\n" : out;
}

}  // namespace policyc
