// The all-bottles diff: what a policy change does to every bottle and parameter set of
// the small scope (bottle_space), each difference with a witness compiled and checked
// under both policies, and the constructs the scope cannot decide.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "base/diagnostic.hpp"
#include "ir/program.hpp"
#include "pipeline/symdiff/change_reasons.hpp"
#include "pipelock/diff/config_diff.hpp"

namespace policyc {

struct PolicyChange {
  ConfigChange change;                  // what changed, and its direction
  std::string condition;                // the witness's keys, in the policy's terms
  std::string witness_bottle;           // a YAML flow mapping
  std::vector<std::string> witness_params;  // NAME=VALUE
  ChangeReason old_reason;              // why the old config has its value, or what did not add it
  ChangeReason new_reason;
  // Other values of the same field that differ the same way for the same rules: the
  // change is one entry per field, not one per sample value the scope tried.
  std::vector<ConfigChange> same_for;
};

struct UndecidedPlace {
  std::string location;  // file:line
  std::string what;      // "len() over a list: the scope has lists of at most two elements"
};

struct PolicyDiff {
  std::vector<PolicyChange> changes;  // in the order first witnessed: fewest keys first
  std::vector<UndecidedPlace> undecided;
  std::size_t candidates = 0;  // bottles and parameter sets compiled under both
  Verdict verdict = Verdict::Same;
};

/// A checked policy and the sources it was loaded into.
struct LoadedPolicy {
  std::unique_ptr<ir::Program> program;
  SourceManager sources;
};

/// Compares two checked policies over the small scope. Never throws; a candidate
/// neither policy compiles is no difference.
PolicyDiff diff_policies(const LoadedPolicy& old_policy, const LoadedPolicy& new_policy);

/// Where the small scope cannot decide `program` (see docs/review.md).
std::vector<UndecidedPlace> undecided_places(const LoadedPolicy& policy);

struct BottleSpace;
/// Where `space` was cut short: output values with more combinations than are tried,
/// kinds with more policy strings, lists tested more often than the scope has elements,
/// hosts() changes no sample shows.
std::vector<UndecidedPlace> scope_limits(const BottleSpace& space, const LoadedPolicy& old_policy,
                                         const LoadedPolicy& new_policy);

}  // namespace policyc
