#include "runtime/provenance/provenance_view.hpp"

#include <algorithm>

#include "runtime/provenance/condition_witness.hpp"

namespace policyc {

namespace {

bool same_range(const SourceRange& a, const SourceRange& b) {
  return a.file == b.file && a.begin == b.begin && a.end == b.end;
}

// One value can carry the same input twice (a parameter records its value and its
// whole NAME=VALUE); it is one source.
bool same_source(const ValueSource& a, const ValueSource& b) {
  return a.kind == b.kind && a.name == b.name && a.range.file == b.range.file;
}

const ast::OutputItem* find_item(const std::vector<ast::OutputItem>& items,
                                 const SourceRange& key_range) {
  for (const ast::OutputItem& item : items) {
    if (same_range(item.key_range, key_range)) return &item;
    if (const ast::OutputItem* found = find_item(item.children, key_range)) return found;
  }
  return nullptr;
}

}  // namespace

const ast::Rule* ProvenanceView::rule_at(std::string_view name, const SourceRange& range) const {
  for (const ast::Rule* rule : program_.rules) {
    if (rule->name != name) continue;
    for (const ast::AddStatement& add : rule->adds) {
      if (same_range(add.value->range, range)) return rule;
    }
  }
  return nullptr;
}

ValueSource ProvenanceView::source(const Provenance& origin) const {
  if (origin.input_range.valid()) {
    const bool manifest = origin.input_range.file == manifest_file_;
    return {manifest ? ValueSource::Kind::Manifest : ValueSource::Kind::Param,
            origin.input_path.str(), origin.input_range};
  }
  for (const ir::Constant& constant : program_.constants) {
    if (constant.decl->name == origin.rule) {
      return {ValueSource::Kind::Constant, origin.rule.str(), origin.rule_range};
    }
  }
  // Field defaults are evaluated under the name "Record.field".
  const bool is_default = origin.rule.view().find('.') != std::string_view::npos;
  return {is_default ? ValueSource::Kind::Default : ValueSource::Kind::Policy, origin.rule.str(),
          origin.rule_range};
}

// A set element's origins are, per rule that added it: the rule's reason (naming the
// statement), then the element's own origins. Anything else is one direct contribution.
std::vector<Contribution> ProvenanceView::contributions(const Value& value) const {
  std::vector<Contribution> result;
  for (const Provenance& origin : value.origins) {
    if (!origin.rule.empty() && rule_at(origin.rule, origin.rule_range)) {
      result.push_back({origin.rule.str(), origin.rule_range, {}});
      continue;
    }
    if (result.empty()) result.push_back({"", {}, {}});
    Contribution& current = result.back();
    ValueSource s = source(origin);
    // A literal written in the rule itself names the same statement as the reason.
    if (!current.rule.empty() && s.name == current.rule &&
        same_range(s.range, current.rule_range)) {
      s.kind = ValueSource::Kind::Policy;
    }
    const bool seen = std::any_of(current.sources.begin(), current.sources.end(),
                                  [&](const ValueSource& other) { return same_source(other, s); });
    if (!seen) current.sources.push_back(std::move(s));
  }
  // A computed value (`len(...)`, a comparison) carries no origin: the output wrote it.
  if (result.empty()) result.push_back({"", {}, {}});
  return result;
}

std::vector<Contribution> ProvenanceView::output_contributions(const Value& value,
                                                               const ast::Expr* written,
                                                               EvalEnv& env) const {
  std::vector<Contribution> result = contributions(value);
  if (!value.origins.empty() || !written) return result;
  for (const Provenance& input : explain_condition(*written, env, false).witnesses) {
    ValueSource s = source(input);
    if (s.kind != ValueSource::Kind::Policy) result.front().sources.push_back(std::move(s));
  }
  return result;
}

const ast::OutputItem* ProvenanceView::output_item(const OutputNode& node) const {
  if (!program_.output) return nullptr;
  return find_item(program_.output->items, node.origin);
}

std::string describe_source(const ValueSource& source) {
  switch (source.kind) {
    case ValueSource::Kind::Manifest:
      return source.name.empty() ? "the manifest" : source.name;
    case ValueSource::Kind::Param:
      return "param " + source.name;
    case ValueSource::Kind::Constant:
      return source.name;
    case ValueSource::Kind::Default:
      return "default of " + source.name;
    case ValueSource::Kind::Policy:
      break;
  }
  return "policy";
}

FileId manifest_file_of(const Value& manifest) {
  for (const Provenance& origin : manifest.origins) {
    if (origin.input_range.valid()) return origin.input_range.file;
  }
  return kNoFile;
}

std::string one_line(std::string_view text) {
  std::string out;
  bool space = false;
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

}  // namespace policyc
