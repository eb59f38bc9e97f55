// `policyc explain`: why each value of a bottle's pipelock config is there, read from
// the provenance the evaluation left on it (no second evaluation of the rules).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "ir/program.hpp"
#include "ir/evaluate.hpp"
#include "pipelock/schema/host_match.hpp"
#include "pipelock/schema/ssrf.hpp"
#include "runtime/provenance/provenance_view.hpp"

namespace policyc {

struct ExplainedCondition {
  std::string text;  // as written, on one line
  SourceRange range;
  bool holds = false;
  std::vector<ValueSource> because;  // the manifest nodes and parameters that decided it
};

struct ExplainedRule {
  std::string name;
  SourceRange range;
  std::optional<ExplainedCondition> condition;  // none: the rule always runs
  bool ran = true;
  struct Read {
    std::string path;   // a manifest list it adds from ("egress.allowlist")
    SourceRange range;  // the `set += expression` statement
  };
  std::vector<Read> reads;
};

/// One output value, or one element of an output list.
struct ExplainedValue {
  std::string path;  // "api_allowlist", "request_body_scanning.action"
  bool is_item = false;
  Value value;
  SourceRange written_at;  // the output block's `key = ...`
  std::vector<Contribution> reasons;
};

/// A section or key written under `when`, or left out because its condition failed.
struct ExplainedConditional {
  std::string path;
  SourceRange written_at;
  ExplainedCondition condition;
};

/// An `if` in an output value: the branch its condition chose for this bottle.
struct ExplainedChoice {
  std::string path;
  SourceRange written_at;  // the `if`
  ExplainedCondition condition;
  enum class Branch { Then, Else, Absent } branch = Branch::Then;  // Absent: no `else`
};

struct Explanation {
  std::vector<ExplainedRule> rules;
  std::vector<ExplainedConditional> conditionals;
  std::vector<ExplainedChoice> choices;
  std::vector<ExplainedValue> values;
};

Explanation explain_config(const ProvenanceInput& input);

/// What `--host` reports: which host lists match it, and for api_allowlist, when none
/// does, the nearest entry and the rules that would add it.
struct HostMatch {
  std::string list;  // "api_allowlist", "tls_interception.passthrough_domains"
  const ExplainedValue* entry = nullptr;
};

struct HostExplanation {
  std::string host;
  std::string mode;  // the config's mode ("balanced" when not written)
  std::vector<HostMatch> matches;
  bool allowed = false;
  bool blocked = false;  // a blocklist entry matches: pipelock refuses it in every mode
  std::optional<NearEntry> nearest;
  const ExplainedValue* nearest_entry = nullptr;
  std::vector<const ExplainedRule*> would_add;  // rules reading a manifest list, ran first
  /// For an address, or a name of a class a bottle rarely means (base/host_class): what
  /// pipelock's SSRF guard does with it under this config.
  std::optional<SsrfVerdict> ssrf;

  /// What pipelock does with the host: the blocklist wins, then the SSRF guard; an
  /// allowlist is enforced only in strict mode.
  bool reachable() const {
    const bool ssrf_refuses = ssrf && ssrf->kind == SsrfVerdict::Kind::Refused;
    return !blocked && !ssrf_refuses && (allowed || mode != "strict");
  }
};

HostExplanation explain_host(const Explanation& explanation, const std::string& host,
                             const OutputDocument& output);

}  // namespace policyc
