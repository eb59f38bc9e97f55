#include "compiler/syntax/limits.hpp"

#include <fmt/format.h>

#include <map>
#include <utility>

#include "base/utf8.hpp"

namespace policyc {

using ast::Expr;
using ExprSlot = std::unique_ptr<Expr>;

namespace {

void collect_output_slots(std::vector<ast::OutputItem>& items, std::vector<ExprSlot*>& slots) {
  for (ast::OutputItem& item : items) {
    slots.push_back(&item.condition);
    slots.push_back(&item.value);
    collect_output_slots(item.children, slots);  // sections nest at most kMaxNesting deep
  }
}

void collect_record_slots(std::vector<ast::Record>& records, std::vector<ExprSlot*>& slots) {
  for (ast::Record& record : records) {
    for (ast::Field& field : record.body.fields) slots.push_back(&field.default_value);
  }
}

// Every place of the file that holds an expression.
std::vector<ExprSlot*> expression_slots(ast::PolicyFile& file) {
  std::vector<ExprSlot*> slots;
  for (ast::Const& c : file.consts) slots.push_back(&c.value);
  collect_record_slots(file.records, slots);
  collect_record_slots(file.manifests, slots);
  collect_record_slots(file.params, slots);
  for (ast::Rule& rule : file.rules) {
    slots.push_back(&rule.condition);
    for (ast::AddStatement& add : rule.adds) slots.push_back(&add.value);
  }
  for (ast::Output& output : file.outputs) collect_output_slots(output.items, slots);
  return slots;
}

std::size_t depth_of(const Expr& root) {
  std::size_t deepest = 0;
  std::vector<std::pair<const Expr*, std::size_t>> pending{{&root, 1}};
  while (!pending.empty()) {
    auto [expr, depth] = pending.back();
    pending.pop_back();
    deepest = std::max(deepest, depth);
    for (const auto& operand : expr->operands) pending.emplace_back(operand.get(), depth + 1);
  }
  return deepest;
}

// Destroys a tree node by node: the default destructor would recurse as deep as the tree.
void take_apart(ExprSlot root) {
  std::vector<ExprSlot> pending;
  pending.push_back(std::move(root));
  while (!pending.empty()) {
    ExprSlot expr = std::move(pending.back());
    pending.pop_back();
    for (ExprSlot& operand : expr->operands) pending.push_back(std::move(operand));
  }
}

struct DefaultEdge {
  const FieldType* field;  // whose default builds...
  const RecordType* built;  // ...a record of this type from its defaults
};

// Records that the default of `field` builds with `{}`.
void collect_built_records(const FieldType& field, std::vector<DefaultEdge>& edges) {
  std::vector<const Expr*> pending{field.default_expr};
  while (!pending.empty()) {
    const Expr* expr = pending.back();
    pending.pop_back();
    if (expr->kind == Expr::Kind::EmptyRecord && expr->type &&
        expr->type->kind == Type::Kind::Record && expr->type->record) {
      edges.push_back({&field, expr->type->record});
    }
    for (const auto& operand : expr->operands) pending.push_back(operand.get());
  }
}

}  // namespace

void check_default_records(CheckContext& context) {
  std::map<const RecordType*, std::vector<DefaultEdge>> edges;
  for (const auto& record : context.program.records) {
    for (const FieldType& field : record->fields) {
      if (field.default_expr) collect_built_records(field, edges[record.get()]);
    }
  }
  // Depth first without recursion: a policy may chain thousands of records.
  enum class Mark { Open, Done };
  std::map<const RecordType*, Mark> marks;
  std::map<const RecordType*, std::size_t> height;  // records in the longest chain below
  for (const auto& root : context.program.records) {
    if (marks.count(root.get())) continue;
    std::vector<std::pair<const RecordType*, std::size_t>> stack{{root.get(), 0}};
    marks[root.get()] = Mark::Open;
    while (!stack.empty()) {
      auto& [record, next] = stack.back();
      const std::vector<DefaultEdge>& out = edges[record];
      if (next == out.size()) {
        std::size_t h = 1;
        for (const DefaultEdge& edge : out) h = std::max(h, height[edge.built] + 1);
        height[record] = h;
        marks[record] = Mark::Done;
        stack.pop_back();
        continue;
      }
      const DefaultEdge& edge = out[next++];
      auto mark = marks.find(edge.built);
      if (mark == marks.end()) {
        marks[edge.built] = Mark::Open;
        stack.emplace_back(edge.built, 0);
      } else if (mark->second == Mark::Open) {
        Diagnostic& d = context.diags.error(
            "E0807", edge.field->default_expr->range,
            fmt::format("the default of '{}.{}' builds a '{}' from its defaults, which build it "
                        "again without end; remove one of these defaults",
                        record->name, edge.field->name, edge.built->name));
        d.notes.push_back({edge.built->range, fmt::format("'{}' is declared here", edge.built->name)});
      }
    }
  }
  // One report, at the top of the deepest chain.
  const RecordType* deepest = nullptr;
  for (const auto& record : context.program.records) {
    const std::size_t h = height[record.get()];
    if (h > kMaxDefaultNesting && (!deepest || h > height[deepest])) deepest = record.get();
  }
  if (!deepest) return;
  for (const DefaultEdge& edge : edges[deepest]) {
    if (height[edge.built] + 1 != height[deepest]) continue;
    context.diags.error("E0808", edge.field->default_expr->range,
                        fmt::format("records built from defaults nest more than {} levels deep "
                                    "from '{}.{}' (limit)",
                                    kMaxDefaultNesting, deepest->name, edge.field->name));
    return;
  }
}

bool check_policy_text(const SourceManager& sources, FileId file, DiagnosticSink& diags) {
  const std::string& text = sources.file(file).text();
  if (text.size() > kMaxPolicyBytes) {
    // No excerpt: the first line of such a file can be megabytes long.
    diags.error("E0803", {},
                fmt::format("policy file '{}' is larger than {} MiB (limit)",
                            sources.file(file).name(), kMaxPolicyBytes >> 20));
    return false;
  }
  for (std::size_t i = 0; i < text.size();) {
    const Utf8Char c = decode_utf8(text, i);
    if (text[i] == '\0' || !c.valid) {
      const auto at = static_cast<std::uint32_t>(i);
      diags.error("E0810", {file, at, at + 1},
                  text[i] == '\0' ? "policy file contains a NUL byte"
                                  : "policy file is not valid UTF-8");
      return false;
    }
    i += c.length;
  }
  return true;
}

void limit_expression_depth(ast::PolicyFile& file, DiagnosticSink& diags) {
  for (ExprSlot* slot : expression_slots(file)) {
    if (!*slot || depth_of(**slot) <= kMaxExpressionDepth) continue;
    const SourceRange range = (*slot)->range;
    diags.error("E0802", range,
                fmt::format("expression is nested more than {} levels deep, counting each "
                            "operator of a chain (limit); split it with constants",
                            kMaxExpressionDepth));
    take_apart(std::move(*slot));
    *slot = std::make_unique<Expr>();
    (*slot)->kind = Expr::Kind::Bool;
    (*slot)->range = range;
  }
}

}  // namespace policyc
