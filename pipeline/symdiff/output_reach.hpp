// What decides each output value of a policy: the manifest fields and parameters read by
// the output item, the sections around it and, through each set it reads, every rule
// adding to that set. The all-bottles diff tries every combination of one reach's leaves,
// not only pairs, so a change that needs three fields set at once in different rules shows.
#pragma once
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "ir/program.hpp"

namespace policyc {

/// The strings and numbers written in a policy or a part of one.
struct Literals {
  std::set<std::string> strings;
  std::set<std::int64_t> integers;
  std::set<std::vector<std::string>> lists;  // lists of strings, written or constant
};

/// All one output item's value depends on: what the item and the sections around it read,
/// and, for each set it reads, what every rule adding to that set reads (the rule's
/// condition and its statements for that set), through sets those read in turn.
struct OutputReach {
  std::string key;  // the output path: "api_allowlist", "seed_phrase_detection.enabled"
  SourceRange where;
  std::set<std::string> paths;  // leaves: "egress.allowlist", "supervise", "params.ca_cert"
  // Fields read of one list element or record: "egress_proxy.routes[].host" for
  // `route.host` in a loop over the routes. Fields read together are varied together.
  std::set<std::string> fields;
  Literals literals;  // every literal read, in constants too
  // Lists looped over other than as a union of what each element adds: by a quantifier,
  // or by a comprehension a condition tests ("egress_proxy.routes[]"). Two elements can
  // then meet two tests apart (`any(..a..) and any(..b..)`), so every pair is tried.
  std::set<std::string> paired_lists;
  // Leaves read other than as a list whose elements some rule adds to a set. A list read
  // only that way adds to the value what each element adds, whatever else is set, so it
  // need not be combined with other such lists: one at a time beside the rest suffices.
  std::set<std::string> tested_paths;
  // Two values read from the bottle or parameters are compared with each other: values
  // equal to no policy string can then be equal or differ, so two such values are tried.
  bool compares_inputs = false;
  // Bottle lists compared whole with something other than []: tried as each list the
  // policy writes, too.
  std::set<std::string> compared_lists;
  // Bottle lists tested element by element more than twice (through the sets and `let`s
  // holding them), with the number of tests: they need more elements than the scope has.
  std::map<std::string, int> over_tested;
  // Bottle maps compared whole with a non-empty map: the scope's maps have one key, `K`.
  std::set<std::string> compared_maps;
};

std::vector<OutputReach> output_reach(const ir::Program& program);

}  // namespace policyc
