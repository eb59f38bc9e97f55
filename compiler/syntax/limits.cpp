#include "compiler/syntax/limits.hpp"

#include <fmt/format.h>

#include <utility>

#include "base/utf8.hpp"
#include "ir/expression_slots.hpp"

namespace policyc {

using ast::Expr;
using ExprSlot = std::unique_ptr<Expr>;

namespace {

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

}  // namespace

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
      diags.error(
          "E0810", {file, at, at + 1},
          text[i] == '\0' ? "policy file contains a NUL byte" : "policy file is not valid UTF-8");
      return false;
    }
    i += c.length;
  }
  return true;
}

void limit_expression_depth(ast::PolicyFile& file, DiagnosticSink& diags) {
  for_each_expression_slot(file, [&](ExprSlot& slot, ExprPlace) {
    if (!slot || depth_of(*slot) <= kMaxExpressionDepth) return;
    const SourceRange range = slot->range;
    diags.error("E0802", range,
                fmt::format("expression is nested more than {} levels deep, counting each "
                            "operator of a chain (limit); split it with constants",
                            kMaxExpressionDepth));
    take_apart(std::move(slot));
    slot = std::make_unique<Expr>();
    slot->kind = Expr::Kind::Bool;
    slot->range = range;
  });
}

}  // namespace policyc
