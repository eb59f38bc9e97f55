#include "pipelock/emit/emit_json.hpp"

#include "pipelock/emit/emit_scalars.hpp"
#include "base/json_writer.hpp"

namespace policyc {

namespace {

using Kind = Value::Kind;

std::string scalar_json(const Value& v) { return scalar_with(v, json_quote); }

void render_list(std::string& out, const Value& list, const std::string& pad) {
  if (list.items.empty()) {
    out += "[]";
    return;
  }
  out += "[\n";
  for (std::size_t i = 0; i < list.items.size(); ++i) {
    out += pad + "  " + scalar_json(list.items[i]) + (i + 1 < list.items.size() ? ",\n" : "\n");
  }
  out += pad + "]";
}

void render_object(std::string& out, const std::vector<OutputNode>& nodes, const std::string& pad,
                   bool in_section) {
  std::vector<const OutputNode*> shown;
  for (const OutputNode& n : nodes) {
    if (!in_section || !omitted_in_section(n)) shown.push_back(&n);
  }
  if (shown.empty()) {
    out += "{}";
    return;
  }
  out += "{\n";
  const std::string inner = pad + "  ";
  for (std::size_t i = 0; i < shown.size(); ++i) {
    const OutputNode& n = *shown[i];
    out += inner + json_quote(n.key) + ": ";
    if (n.is_section) {
      render_object(out, n.children, inner, true);
    } else if (n.value().kind == Kind::List) {
      render_list(out, n.value(), inner);
    } else {
      out += scalar_json(n.value());
    }
    out += i + 1 < shown.size() ? ",\n" : "\n";
  }
  out += pad + "}";
}

}  // namespace

std::string render_json(const OutputDocument& document) {
  std::string out;
  render_object(out, document, "", false);
  return out + "\n";
}

}  // namespace policyc
