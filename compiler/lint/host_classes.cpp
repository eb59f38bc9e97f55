// W0616: a hostname literal of a kind a manifest field can refuse (base/host_class): an
// address, a loopback or private name, a metadata endpoint, a special-use name. Broad
// wildcards are W0608's.
#include "base/host_class.hpp"
#include "compiler/lint/lint.hpp"
#include "compiler/lint/walk.hpp"

namespace policyc {

void lint_host_classes(const ir::Program& program, DiagnosticSink& diags) {
  for_each_root(program, [&](const ExprRoot& root) {
    for_each_node(*root.expr, [&](const ast::Expr& e, const ast::Expr*, std::size_t) {
      if (e.kind != ast::Expr::Kind::String || !e.type || e.type->kind != Type::Kind::Hostname) {
        return;
      }
      const HostClassification classification = classify_host(e.text);
      for (HostClass host_class : classification.classes) {
        if (host_class == HostClass::Wildcard || host_class == HostClass::BroadWildcard) continue;
        diags.warning("W0616", e.range, host_class_problem(e.text, host_class, classification));
        return;
      }
    });
  });
}

}  // namespace policyc
