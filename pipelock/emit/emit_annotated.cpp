#include "pipelock/emit/emit_annotated.hpp"

#include <fmt/format.h>

#include "base/source_excerpt.hpp"
#include "runtime/provenance/condition_witness.hpp"
#include "pipelock/emit/render_yaml.hpp"
#include "runtime/provenance/provenance_view.hpp"

namespace policyc {

namespace {

std::string join_sources(const std::vector<ValueSource>& sources) {
  std::vector<std::string> names;
  for (const ValueSource& s : sources) names.push_back(describe_source(s));
  return fmt::format("{}", fmt::join(names, ", "));
}

class Annotator {
 public:
  explicit Annotator(const ProvenanceInput& input)
      : input_(input),
        view_(input.program, input.manifest_file),
        env_{input.program, &input.manifest, &input.params, &input.evaluation.sets, "output", {}} {}

  std::string comment(const OutputNode& node, const Value* item) {
    if (item) return contributions(*item);
    const ast::OutputItem* source = view_.output_item(node);
    std::string condition = source && source->condition ? when(*source->condition) : "";
    if (node.is_section || node.value().kind == Value::Kind::List) return condition;
    std::string text = describe(
        view_.output_contributions(node.value(), source ? source->value.get() : nullptr, env_));
    if (source && source->value) text += choices(*source->value);
    if (!condition.empty()) text += (text.empty() ? "" : " ") + condition;
    return text;
  }

 private:
  // "rule: source, source; rule: source" for a set element; the sources alone for a
  // value the output block wrote itself.
  std::string contributions(const Value& value) const {
    return describe(view_.contributions(value));
  }

  static std::string describe(const std::vector<Contribution>& contributions) {
    std::vector<std::string> parts;
    for (const Contribution& c : contributions) {
      std::string sources = join_sources(c.sources);
      if (c.rule.empty()) {
        parts.push_back(sources.empty() ? "policy" : sources);
      } else {
        parts.push_back(sources.empty() ? c.rule : c.rule + ": " + sources);
      }
    }
    return fmt::format("{}", fmt::join(parts, "; "));
  }

  std::string when(const ast::Expr& condition) {
    return "when " + decided(condition, explain_condition(condition, env_));
  }

  // The condition as written and the inputs that decided it.
  std::string decided(const ast::Expr& condition, const ConditionResult& result) {
    std::string text = one_line(input_.sources.text(condition.range));
    std::vector<ValueSource> witnesses;
    for (const Provenance& w : result.witnesses) witnesses.push_back(view_.source(w));
    if (!witnesses.empty()) text += ": " + join_sources(witnesses);
    return text;
  }

  // " (if C) (else of if D)" for the `if`s a written value went through.
  std::string choices(const ast::Expr& value) {
    std::string text;
    const ast::Expr* at = &value;
    while (at->kind == ast::Expr::Kind::Conditional) {
      const ast::Expr& condition = *at->operands[0];
      ConditionResult result = explain_condition(condition, env_);
      text += fmt::format(" ({}if {})", result.holds ? "" : "else of ", decided(condition, result));
      const std::size_t branch = result.holds ? 1 : 2;
      if (branch >= at->operands.size()) break;
      at = at->operands[branch].get();
    }
    return text;
  }

  const ProvenanceInput& input_;
  ProvenanceView view_;
  EvalEnv env_;
};

}  // namespace

std::string render_annotated_yaml(const ProvenanceInput& input) {
  Annotator annotator(input);
  // A comment quotes manifest key paths and policy text: shown as diagnostics show them,
  // so no manifest key can end the comment line or send a terminal escape.
  return render_pipelock_yaml(input.evaluation.output,
                              [&](const OutputNode& node, const Value* item) {
                                return printable_text(annotator.comment(node, item));
                              });
}

}  // namespace policyc
