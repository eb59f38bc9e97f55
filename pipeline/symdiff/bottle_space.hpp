// The small scope the all-bottles diff searches: bottles and parameter sets built from
// the manifest and parameter schemas of two policies and the string constants they
// compare against. docs/review.md argues why this scope suffices for the language.
#pragma once
#include <deque>
#include <string>
#include <vector>

#include "ir/program.hpp"
#include "pipeline/symdiff/host_rules.hpp"
#include "pipeline/symdiff/leaf_values.hpp"

namespace policyc {

/// A bottle and parameters: the atoms it sets, each on its own path.
struct Candidate {
  std::vector<const Atom*> atoms;
  std::string bottle_yaml() const;  // a YAML flow mapping ("{}" for no manifest atom)
  std::vector<std::string> params() const;
  std::string describe() const;  // "bottle.supervise = true, params.ca_cert given"
};

/// An output value depending on so many leaves that their combinations were not all tried.
struct CappedReach {
  std::string key;  // "api_allowlist"
  SourceRange where;
  bool in_new_policy = false;
  std::size_t leaves = 0;
  std::size_t combinations = 0;
};

/// A bottle list one output value tests element by element more often than the scope has
/// elements.
struct OverTestedList {
  std::string key;  // "seed_phrase_detection.enabled"
  SourceRange where;
  bool in_new_policy = false;
  std::string list;  // "egress_proxy.routes"
  int tests = 0;
};

/// A bottle map one output value compares whole with a non-empty map.
struct MapComparison {
  std::string key;
  SourceRange where;
  bool in_new_policy = false;
  std::string map;  // "env"
};

struct BottleSpace {
  std::deque<Atom> atoms;             // a deque: candidates point into it while it grows
  std::vector<Candidate> candidates;  // fewest atoms first: the first showing a change is minimal
  std::vector<CappedReach> capped;
  std::vector<std::string> crowded;  // kinds of value with more policy strings than are tried
  std::vector<UnsampledHostRules> unsampled_hosts;
  std::vector<OverTestedList> over_tested;
  std::vector<MapComparison> compared_maps;
};

/// Every atom of both policies' schemas, then the candidates: none, each atom, each pair,
/// then every combination over what decides one output value (its reach), with that
/// reach's strings and the element fields it reads varied together.
BottleSpace bottle_space(const ir::Program& old_program, const ir::Program& new_program);

}  // namespace policyc
