// W0608 and W0610: hostname literals that allow more than they seem to, or that can be
// mistaken for another name.
#include <fmt/format.h>

#include "base/broad_wildcard.hpp"
#include "base/idna.hpp"
#include "compiler/lint/homograph.hpp"
#include "compiler/lint/lint.hpp"
#include "compiler/lint/walk.hpp"

namespace policyc {

namespace {

void check_wildcard(const ast::Expr& literal, DiagnosticSink& diags) {
  std::string problem = broad_wildcard_problem(literal.text);
  if (!problem.empty()) diags.warning("W0608", literal.range, std::move(problem));
}

void check_idna_labels(const ast::Expr& literal, DiagnosticSink& diags) {
  const std::string& host = literal.text;
  std::string shown, looks_like;
  std::string scripts;
  bool suspicious = false, invalid = false;
  for (std::size_t start = 0; start <= host.size();) {
    std::size_t end = host.find('.', start);
    if (end == std::string::npos) end = host.size();
    const std::string label = host.substr(start, end - start);
    if (label.rfind("xn--", 0) == 0) {
      std::optional<std::string> text = to_u_label(label);
      if (!text) {
        invalid = true;
        break;
      }
      Homograph homograph = find_homograph(*text);
      if (homograph.mixed_scripts && scripts.empty()) scripts = homograph.scripts;
      suspicious = suspicious || homograph.mixed_scripts || !homograph.looks_like.empty();
      shown += *text;
      looks_like += homograph.looks_like.empty() ? *text : homograph.looks_like;
    } else {
      shown += label;
      looks_like += label;
    }
    if (end < host.size()) {
      looks_like += '.';
      shown += '.';
    }
    start = end + 1;
  }
  if (invalid) {
    diags.warning("W0610", literal.range,
                  fmt::format("'{}' has an 'xn--' label that is not valid punycode; no browser "
                              "or resolver shows it as a name",
                              host));
    return;
  }
  if (!suspicious) return;
  std::string why = scripts.empty() ? "" : fmt::format("mixes {} letters", scripts);
  if (looks_like != shown) {
    why += fmt::format("{}can be mistaken for '{}'", why.empty() ? "" : " and ", looks_like);
  }
  diags.warning("W0610", literal.range,
                fmt::format("'{}' is the internationalized name '{}', which {}", host, shown, why));
}

}  // namespace

void lint_hostname_literals(const ir::Program& program, DiagnosticSink& diags) {
  for_each_root(program, [&](const ExprRoot& root) {
    for_each_node(*root.expr, [&](const ast::Expr& e, const ast::Expr*, std::size_t) {
      if (e.kind != ast::Expr::Kind::String || !e.type || e.type->kind != Type::Kind::Hostname) {
        return;
      }
      check_wildcard(e, diags);
      check_idna_labels(e, diags);
    });
  });
}

}  // namespace policyc
