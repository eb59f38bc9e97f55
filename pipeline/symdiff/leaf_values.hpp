// The values one leaf of a bottle or one parameter takes in the all-bottles diff's small
// scope: for each type, the policy strings and numbers it may equal, a fresh value equal
// to none, lists of one and two elements, records with their fields varied. docs/review.md
// argues why these suffice; bottle_space combines them into candidates.
#pragma once
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "ir/program.hpp"
#include "pipeline/symdiff/output_reach.hpp"

namespace policyc {

/// Policy strings a leaf is tried with: past this many of one kind the search would grow
/// with their square, so the kind is reported undecided (counted wider) instead of cut.
constexpr std::size_t kMaxLiteralsPerLeaf = 32;
/// Combinations of the leaves one output value reads (and of the fields of one record read
/// together): beyond them the value is reported undecided rather than searched for minutes.
constexpr std::size_t kMaxCombinationsPerReach = 8192;

/// One choice for one leaf of the manifest or the parameters: `path` is where it is
/// written ("egress.allowlist", "params.ca_cert"), `json` its value as JSON (a YAML flow).
struct Atom {
  std::string path;
  std::string json;
  bool param = false;
  std::vector<std::string> param_values;  // NAME=VALUE, for a parameter atom
};

/// Every string and number `program` writes: the constants a manifest value can equal.
Literals policy_literals(const ir::Program& program);

/// "hostnames", "paths", "CIDRs" or "strings", for a report.
const char* kind_name(Type::Kind kind);

/// Whether reading the leaf path `a` ("egress.allowlist") reads `b`: the same leaf, a
/// field inside it, or a record holding it.
bool path_related(const std::string& a, const std::string& b);

/// The values of every leaf, for the whole scope or, with the pointers set, for one output
/// value's reach.
class LeafValues {
 public:
  std::set<std::string> strings;
  std::set<std::int64_t> integers;
  mutable bool numbers_tried = false;  // some leaf is a number
  // For one output's reach: the fields it reads, which a record varies together rather
  // than one at a time; null for the whole scope.
  const std::set<std::string>* read_together = nullptr;
  const std::set<std::string>* paired_lists = nullptr;  // element paths: every pair tried
  bool two_fresh = false;                               // a second value equal to no policy string
  // Values a bottle is refused or taken for whatever else it holds, tried alone: hostnames
  // of each set of classes (hosts() rules), lists holding one element twice (unique()),
  // and keys a `renamed` rule reads.
  bool acceptance = false;
  const std::set<std::string>* tested_paths = nullptr;    // leaves read other than as added
  const std::set<std::string>* compared_lists = nullptr;  // bottle lists compared whole
  const std::set<std::vector<std::string>>* literal_lists = nullptr;
  // Lists whose elements the reach only adds to sets: tried beside every choice of the
  // other leaves, but not beside one another.
  mutable std::map<std::string, bool> added_alone_leaves;
  // A record's fields read together with more combinations than are tried: how many.
  mutable std::size_t overflow = 0;
  // A record nested deeper than the scope walks: its values are not tried.
  mutable bool too_deep = false;
  // The policy strings each kind accepts, checked once per kind rather than once per leaf.
  mutable std::map<Type::Kind, std::vector<std::string>> accepted;

  // Leaves of the manifest: records are walked into, any other field is one leaf.
  void manifest_atoms(const RecordType& record, const std::string& prefix,
                      std::vector<Atom>& out) const;

  // Each parameter at each value, list parameters also as pairs where tested, and every
  // `together(...)` group given at once.
  void param_atoms(const RecordType& params, std::vector<Atom>& out) const;

 private:
  const std::vector<std::string>& accepted_strings(Type::Kind kind) const;

  // The JSON values one value of `type` takes in the scope.
  std::vector<std::string> values(const Type& type, int depth, const std::string& path) const;

  // Empty and each one-element list; `items` gets the elements.
  std::vector<std::string> single_element_lists(const Type& element, int depth,
                                                const std::string& path,
                                                std::vector<std::string>& items) const;

  static std::vector<std::string> first(std::vector<std::string> v, std::size_t n);

  // 0, 1 and every number the policies write, up to the cap; past it the kind is reported.
  std::vector<std::string> numbers() const;

  std::vector<std::string> scalars(Type::Kind kind) const;

  // Empty, each one-element list, and two-element lists: each of the first four elements
  // beside the last, or every pair where the list is tested element by element.
  std::vector<std::string> lists(const Type& element, int depth, const std::string& path) const;

  // A record with its required fields at their first value, then each field varied alone;
  // within an output's reach, the fields it reads are varied together instead.
  std::vector<std::string> records(const RecordType& record, int depth,
                                   const std::string& path) const;

  bool is_read(const std::string& field) const;

  // Every choice of value for each field read (an optional one's include null), the
  // other required fields at their first value.
  std::vector<std::string> varied_together(
      const RecordType& record,
      const std::vector<std::pair<std::string, std::vector<std::string>>>& fields,
      const std::vector<std::size_t>& together) const;

  // The base record with `rule`'s target field written under the old name.
  static std::string renamed(
      const RecordType& record,
      const std::vector<std::pair<std::string, std::vector<std::string>>>& fields,
      const RenamedKeyRule& rule);

  // Within a reach: a list, empty unless given, whose elements rules only add to sets. Its
  // value adds what each element adds, so two elements show nothing one does not.
  bool adds_element_by_element(const FieldType& field, const std::string& path) const;

  // The values of a parameter of `type` as written after `NAME=` (absent is no atom).
  std::vector<std::string> param_texts(const Type& type, const std::string& path) const;
};

}  // namespace policyc
