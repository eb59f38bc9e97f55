#include "pipeline/symdiff/change_reasons.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "runtime/provenance/provenance_view.hpp"

namespace policyc {

namespace {

std::string file_line(const SourceManager& sources, const SourceRange& range) {
  return range.valid() ? sources.file_line(range) : "";
}

std::string quoted(const SourceManager& sources, const ast::Expr* expr) {
  return expr ? one_line(sources.text(expr->range)) : "";
}

std::string with_condition(const std::string& head, const SourceManager& sources,
                           const ast::Expr* condition) {
  return condition ? head + " when " + quoted(sources, condition) : head;
}

std::string rule_text(const SourceManager& sources, const ast::Rule& rule, std::size_t statement) {
  const ast::AddStatement& add = rule.adds[statement];
  return fmt::format("{}: {} += {}", with_condition("rule " + rule.name, sources, rule.condition.get()),
                     add.target, quoted(sources, add.value.get()));
}

// "egress_proxy.routes[0].host" -> "bottle.egress_proxy.routes[].host": the field, not
// the sample the witness happened to use.
std::string field_of(const std::string& input_path) {
  std::string out = "bottle.";
  bool in_index = false;
  for (char c : input_path) {
    if (c == '[') out += '[';
    if (c == ']') out += ']';
    in_index = c == '[' ? true : c == ']' ? false : in_index;
    if (!in_index && c != ']') out += c;
  }
  return out;
}

// Where a value was read, as the report names it: a bottle field without the sample's
// indices, a parameter, a constant or a default with its place; "" for a literal.
std::string source_text(const ValueSource& source, const SourceManager& sources) {
  switch (source.kind) {
    case ValueSource::Kind::Manifest:
      return field_of(source.name);
    case ValueSource::Kind::Param:
      return "params." + source.name;
    case ValueSource::Kind::Constant:
    case ValueSource::Kind::Default:
      return fmt::format("{} ({})", describe_source(source), file_line(sources, source.range));
    case ValueSource::Kind::Policy:
      break;
  }
  return "";
}

// The output items along `path`, "a.b.c": each key with the `when` it is written under.
std::string item_text(const SourceManager& sources, const std::vector<const ast::OutputItem*>& items) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += " { ";
    out += with_condition(items[i]->key, sources, items[i]->condition.get());
  }
  const ast::OutputItem* last = items.back();
  if (!last->is_block && last->value) out += " = " + quoted(sources, last->value.get());
  for (std::size_t i = 1; i < items.size(); ++i) out += " }";
  return out;
}

const ast::OutputItem* child(const std::vector<ast::OutputItem>& items, const std::string& key) {
  for (const ast::OutputItem& item : items) {
    if (item.key == key) return &item;
  }
  return nullptr;
}

// The output items a key path names, outermost first; empty when one is missing.
std::vector<const ast::OutputItem*> items_along(const ir::Program& program, const std::string& path) {
  std::vector<const ast::OutputItem*> items;
  if (!program.output) return items;
  const std::vector<ast::OutputItem>* level = &program.output->items;
  std::size_t start = 0;
  while (start <= path.size()) {
    const std::size_t dot = std::min(path.find('.', start), path.size());
    const ast::OutputItem* item = child(*level, path.substr(start, dot - start));
    if (!item) return {};
    items.push_back(item);
    level = &item->children;
    start = dot + 1;
  }
  return items;
}

const OutputNode* node_at(const OutputDocument& output, const std::string& path) {
  const OutputDocument* level = &output;
  const OutputNode* node = nullptr;
  std::size_t start = 0;
  while (level && start <= path.size()) {
    const std::size_t dot = std::min(path.find('.', start), path.size());
    node = nullptr;
    for (const OutputNode& n : *level) {
      if (n.key == path.substr(start, dot - start)) node = &n;
    }
    if (!node) return nullptr;
    level = &node->children;
    start = dot + 1;
  }
  return node;
}

// The rule that added `value` to a list, when a rule did (not the output block).
std::optional<ChangeReason> rule_reason(const ir::Program& program, const SourceManager& sources,
                                        const Value& item, FileId manifest_file) {
  const ProvenanceView view(program, manifest_file);
  ChangeReason reason;
  for (const Provenance& origin : item.origins) {
    if (reason.from.empty() && (origin.rule.empty() || !view.rule_at(origin.rule, origin.rule_range))) {
      reason.from = source_text(view.source(origin), sources);
    }
    const ast::Rule* rule = origin.rule.empty() ? nullptr : view.rule_at(origin.rule, origin.rule_range);
    if (!rule || !reason.rule.empty()) continue;
    for (std::size_t i = 0; i < rule->adds.size(); ++i) {
      if (rule->adds[i].value->range.begin != origin.rule_range.begin) continue;
      reason.location = file_line(sources, origin.rule_range);
      reason.rule = rule_text(sources, *rule, i);
      reason.rule_name = rule->name;
      reason.statement = i;
      reason.target = rule->adds[i].target;
    }
  }
  if (reason.rule.empty()) return std::nullopt;
  return reason;
}

bool holds_string(const Value& value, const std::string& text) {
  if (value.kind == Value::Kind::String) return value.string.view() == text;
  return std::any_of(value.items.begin(), value.items.end(),
                     [&](const Value& item) { return holds_string(item, text); });
}

// Whether `expr` writes `text` itself: a string, a list of them, or a constant holding it.
bool writes_string(const ir::Program& program, const ast::Expr& expr, const std::string& text) {
  switch (expr.kind) {
    case ast::Expr::Kind::String:
      return expr.text == text;
    case ast::Expr::Kind::List:
      return std::any_of(expr.operands.begin(), expr.operands.end(),
                         [&](const auto& item) { return item && writes_string(program, *item, text); });
    case ast::Expr::Kind::Name:
      return expr.binding == ast::Binding::Constant && expr.slot < program.constants.size() &&
             holds_string(program.constants[expr.slot].value, text);
    default:
      return false;
  }
}

// This program's rule that writes `value` into the same set under another name.
ChangeReason rule_writing(const ir::Program& program, const SourceManager& sources,
                          const ChangeReason& other, const std::string& value) {
  ChangeReason reason;
  for (const ast::Rule* rule : program.rules) {
    for (std::size_t i = 0; i < rule->adds.size() && reason.rule.empty(); ++i) {
      const ast::AddStatement& add = rule->adds[i];
      if (add.target != other.target || !writes_string(program, *add.value, value)) continue;
      reason.location = file_line(sources, add.value->range);
      reason.rule = rule_text(sources, *rule, i);
      reason.rule_name = rule->name;
      reason.statement = i;
      reason.target = add.target;
      reason.gives_nothing = true;
    }
  }
  return reason;
}

}  // namespace

ChangeReason reason_for(const ir::Program& program, const SourceManager& sources,
                        const OutputDocument& output, FileId manifest_file,
                        const std::string& path, const std::string& value) {
  const OutputNode* node = node_at(output, path);
  if (!node) return {};
  const Value* written = node->is_section ? nullptr : &node->value();
  if (written && written->kind == Value::Kind::List) {
    const Value* list = written;
    written = nullptr;
    for (const Value& item : list->items) {
      if (item.kind != Value::Kind::String || item.string.view() != value) continue;
      if (std::optional<ChangeReason> reason = rule_reason(program, sources, item, manifest_file)) {
        return *reason;
      }
      written = &item;
    }
  }
  ChangeReason reason;
  reason.location = file_line(sources, node->origin);
  reason.item_path = path;
  const std::vector<const ast::OutputItem*> items = items_along(program, path);
  if (!items.empty()) reason.rule = item_text(sources, items);
  if (written) {
    const ProvenanceView view(program, manifest_file);
    for (const Provenance& origin : written->origins) {
      if (reason.from.empty()) reason.from = source_text(view.source(origin), sources);
    }
  }
  return reason;
}

ChangeReason counterpart(const ir::Program& program, const SourceManager& sources,
                         const ChangeReason& other, const std::string& value) {
  ChangeReason reason;
  if (!other.rule_name.empty()) {
    for (const ast::Rule* rule : program.rules) {
      if (rule->name != other.rule_name || other.statement >= rule->adds.size()) continue;
      reason.location = file_line(sources, rule->adds[other.statement].value->range);
      reason.rule = rule_text(sources, *rule, other.statement);
      reason.rule_name = rule->name;
      reason.statement = other.statement;
      reason.gives_nothing = true;
    }
    return reason.rule.empty() ? rule_writing(program, sources, other, value) : reason;
  }
  const std::vector<const ast::OutputItem*> items = items_along(program, other.item_path);
  if (items.empty()) return reason;
  reason.location = file_line(sources, items.back()->key_range);
  reason.rule = item_text(sources, items);
  reason.item_path = other.item_path;
  reason.gives_nothing = true;
  return reason;
}

}  // namespace policyc
