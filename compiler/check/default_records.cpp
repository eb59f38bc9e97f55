#include "compiler/check/default_records.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <utility>
#include <vector>

#include "compiler/syntax/limits.hpp"

namespace policyc {

using ast::Expr;

namespace {

struct DefaultEdge {
  const FieldType* field;  // whose default builds...
  const RecordType* built;  // ...a record of this type from its defaults
};

// Records that the default of `field` builds from defaults, with `{}` or a record literal.
void collect_built_records(const FieldType& field, std::vector<DefaultEdge>& edges) {
  std::vector<const Expr*> pending{field.default_expr};
  while (!pending.empty()) {
    const Expr* expr = pending.back();
    pending.pop_back();
    if (expr->kind == Expr::Kind::Record && expr->type &&
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

}  // namespace policyc
