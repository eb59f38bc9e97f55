#include "pipelock/explain/explain.hpp"

#include "base/host_class.hpp"
#include "runtime/provenance/condition_witness.hpp"

namespace policyc {

namespace {

using ast::Expr;

// "a.b" for a member chain down from the manifest or a comprehension variable;
// `root_local` says whether the chain starts at a local instead of the manifest.
std::optional<std::string> member_path(const Expr& expr, bool root_local) {
  if (expr.kind == Expr::Kind::Name) {
    const bool ok =
        root_local ? expr.binding == ast::Binding::Local : expr.binding == ast::Binding::Manifest;
    return ok ? std::optional<std::string>("") : std::nullopt;
  }
  if (expr.kind != Expr::Kind::Member) return std::nullopt;
  std::optional<std::string> parent = member_path(*expr.operands[0], root_local);
  if (!parent) return std::nullopt;
  return parent->empty() ? expr.text : *parent + "." + expr.text;
}

// The manifest lists an added expression draws its elements from.
void manifest_reads(const Expr& expr, std::vector<std::string>& out) {
  if (auto path = member_path(expr, false); path && !path->empty()) {
    out.push_back(*path);
    return;
  }
  if (expr.kind == Expr::Kind::Comprehension) {
    std::vector<std::string> sources;
    manifest_reads(*expr.operands[1], sources);
    std::optional<std::string> field = member_path(*expr.operands[0], true);
    for (const std::string& source : sources) {
      out.push_back(field && !field->empty() ? source + "[]." + *field : source);
    }
    return;
  }
  if (expr.kind == Expr::Kind::Add || expr.kind == Expr::Kind::Call) {
    for (const auto& operand : expr.operands) manifest_reads(*operand, out);
  }
}

class Explainer {
 public:
  explicit Explainer(const ProvenanceInput& input)
      : input_(input),
        view_(input.program, input.manifest_file),
        env_{input.program, &input.manifest, &input.params, nullptr, "", {}} {}

  Explanation run() {
    Explanation out;
    for (const ast::Rule* rule : input_.program.rules) {
      ExplainedRule explained{rule->name, rule->name_range, std::nullopt, true, {}};
      if (rule->condition) {
        env_.declaration = rule->name;
        explained.condition = condition(*rule->condition);
        explained.ran = explained.condition->holds;
      }
      for (const ast::AddStatement& add : rule->adds) {
        std::vector<std::string> paths;
        manifest_reads(*add.value, paths);
        for (std::string& path : paths) explained.reads.push_back({path, add.value->range});
      }
      out.rules.push_back(std::move(explained));
    }
    env_.sets = &input_.evaluation.sets;
    env_.declaration = "output";
    if (input_.program.output)
      items(input_.program.output->items, input_.evaluation.output, "", out);
    return out;
  }

 private:
  ExplainedCondition condition(const Expr& expr) {
    // A key the bottle leaves out decides through its default: name the default, so the
    // reader learns which key to write. Constants stay out: the text shows them.
    ConditionResult result = explain_condition(expr, env_, false);
    ExplainedCondition out{one_line(input_.sources.text(expr.range)), expr.range, result.holds, {}};
    for (const Provenance& w : result.witnesses) {
      ValueSource source = view_.source(w);
      const bool input = source.kind == ValueSource::Kind::Manifest ||
                         source.kind == ValueSource::Kind::Param;
      if (input || source.kind == ValueSource::Kind::Default) {
        out.because.push_back(std::move(source));
      }
    }
    return out;
  }

  // Walks the policy's output items beside the evaluated nodes, so items left out by a
  // failed `when` are explained too.
  void items(const std::vector<ast::OutputItem>& written, const std::vector<OutputNode>& nodes,
             const std::string& parent, Explanation& out) {
    for (const ast::OutputItem& item : written) {
      const std::string path = parent.empty() ? item.key : parent + "." + item.key;
      if (item.condition) {
        out.conditionals.push_back({path, item.key_range, condition(*item.condition)});
      }
      const OutputNode* node = nullptr;
      for (const OutputNode& n : nodes) {
        if (n.origin.file == item.key_range.file && n.origin.begin == item.key_range.begin) {
          node = &n;
        }
      }
      if (item.value) choices(*item.value, path, out);
      if (!node) continue;
      if (node->is_section) {
        items(item.children, node->children, path, out);
      } else if (node->value().kind == Value::Kind::List) {
        for (const Value& element : node->value().items) {
          out.values.push_back({path, true, element, node->origin, view_.contributions(element)});
        }
      } else {
        out.values.push_back({path, false, node->value(), node->origin,
                              view_.output_contributions(node->value(), item.value.get(), env_)});
      }
    }
  }

  // The `if`s that decided an output value, outside any loop (a loop's would need its
  // variables); the chosen branch is followed into further `if`s.
  void choices(const Expr& expr, const std::string& path, Explanation& out) {
    if (expr.kind != Expr::Kind::Conditional) {
      if (expr.kind == Expr::Kind::Comprehension || expr.kind == Expr::Kind::Quantifier) return;
      for (const auto& operand : expr.operands) choices(*operand, path, out);
      return;
    }
    ExplainedChoice choice{path, expr.range, condition(*expr.operands[0]),
                           ExplainedChoice::Branch::Then};
    const bool took_then = choice.condition.holds;
    const bool has_else = expr.operands.size() > 2;
    if (!took_then) {
      choice.branch = has_else ? ExplainedChoice::Branch::Else : ExplainedChoice::Branch::Absent;
    }
    out.choices.push_back(std::move(choice));
    if (took_then || has_else) choices(*expr.operands[took_then ? 1 : 2], path, out);
  }

  const ProvenanceInput& input_;
  ProvenanceView view_;
  EvalEnv env_;
};

}  // namespace

Explanation explain_config(const ProvenanceInput& input) { return Explainer(input).run(); }

namespace {

const OutputNode* find_node(const OutputDocument& nodes, const std::string& key) {
  for (const OutputNode& node : nodes) {
    if (node.key == key) return &node;
  }
  return nullptr;
}

std::vector<std::string> strings_of(const OutputNode* node) {
  std::vector<std::string> out;
  if (!node || node->is_section) return out;
  for (const Value& item : node->value().items) out.push_back(item.string.str());
  return out;
}

SsrfSettings ssrf_settings(const OutputDocument& output) {
  SsrfSettings settings;
  if (const OutputNode* internal = find_node(output, "internal")) settings.internal = strings_of(internal);
  if (const OutputNode* ssrf = find_node(output, "ssrf"); ssrf && ssrf->is_section) {
    settings.ip_allowlist = strings_of(find_node(ssrf->children, "ip_allowlist"));
  }
  settings.trusted_domains = strings_of(find_node(output, "trusted_domains"));
  return settings;
}

// Addresses always; names only of a kind a bottle rarely means (an internal name).
bool ssrf_matters(const std::string& host) {
  for (HostClass host_class : classify_host(host).classes) {
    if (host_class != HostClass::Wildcard && host_class != HostClass::BroadWildcard) return true;
  }
  return false;
}

}  // namespace

HostExplanation explain_host(const Explanation& explanation, const std::string& host,
                             const OutputDocument& output) {
  HostExplanation out;
  out.host = host;
  out.mode = "balanced";
  for (const OutputNode& node : output) {
    if (node.key == "mode" && node.value().kind == Value::Kind::String)
      out.mode = node.value().string.str();
  }
  std::vector<std::string> allowlist;
  std::vector<const ExplainedValue*> allowlist_values;
  for (const ExplainedValue& value : explanation.values) {
    std::optional<WildcardApex> apex = host_list_semantics(value.path);
    if (!value.is_item || !apex || value.value.kind != Value::Kind::String) continue;
    if (value.path == "api_allowlist") {
      allowlist.push_back(value.value.string.str());
      allowlist_values.push_back(&value);
    }
    if (host_matches(value.value.string.str(), host, *apex))
      out.matches.push_back({value.path, &value});
  }
  if (ssrf_matters(host)) out.ssrf = ssrf_verdict(host, ssrf_settings(output));
  for (const HostMatch& match : out.matches) {
    out.allowed = out.allowed || match.list == "api_allowlist";
    out.blocked = out.blocked || match.list == kBlocklistPath;
  }
  if (out.allowed || out.blocked) return out;
  out.nearest = nearest_entry(host, allowlist, WildcardApex::Included);
  for (std::size_t i = 0; out.nearest && i < allowlist.size(); ++i) {
    if (allowlist[i] == out.nearest->entry) out.nearest_entry = allowlist_values[i];
  }
  for (bool ran : {true, false}) {
    for (const ExplainedRule& rule : explanation.rules) {
      if (rule.ran == ran && !rule.reads.empty()) out.would_add.push_back(&rule);
    }
  }
  return out;
}

}  // namespace policyc
