#include "pipeline/symdiff/bottle_space.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "base/json_writer.hpp"
#include "pipeline/symdiff/host_rules.hpp"
#include "pipeline/symdiff/leaf_values.hpp"
#include "pipeline/symdiff/output_reach.hpp"

namespace policyc {

namespace {

// Combinations in all, over every output value: past it the rest are reported undecided.
constexpr std::size_t kMaxCombinations = 16384;

// Atoms kept once each, by leaf and value: a candidate is a set of pointers, so one built
// twice (as a pair, then again within an output's reach) is tried once.
class AtomTable {
 public:
  explicit AtomTable(std::deque<Atom>& atoms) : atoms_(atoms) {}

  const Atom* add(Atom atom) {
    auto [at, fresh] = index_.emplace(std::make_pair(atom.path, atom.json), nullptr);
    if (fresh) {
      atoms_.push_back(std::move(atom));
      at->second = &atoms_.back();
    }
    return at->second;
  }

 private:
  std::deque<Atom>& atoms_;
  std::map<std::pair<std::string, std::string>, const Atom*> index_;
};

// Candidates already in the space, as sorted sets of atoms.
class Tried {
 public:
  bool first_time(std::vector<const Atom*> atoms) {
    std::sort(atoms.begin(), atoms.end());
    return seen_.insert(std::move(atoms)).second;
  }

 private:
  std::set<std::vector<const Atom*>> seen_;
};

// Atoms as one nested JSON mapping: those under one record share its mapping, at any depth
// ("egress.allowlist" and "egress.dlp_action" -> {"egress": {"allowlist": .., "dlp_action": ..}}).
std::string nested(const std::vector<std::pair<std::string, const std::string*>>& leaves) {
  std::vector<std::string> keys;
  std::map<std::string, std::vector<std::pair<std::string, const std::string*>>> below;
  std::map<std::string, const std::string*> values;
  for (const auto& [path, json] : leaves) {
    const std::size_t dot = path.find('.');
    const std::string key = path.substr(0, dot);
    if (!below.count(key) && !values.count(key)) keys.push_back(key);
    if (dot == std::string::npos) {
      values[key] = json;
    } else {
      below[key].push_back({path.substr(dot + 1), json});
    }
  }
  std::string text = "{";
  for (const std::string& key : keys) {
    if (text.size() > 1) text += ", ";
    text += json_quote(key) + ": " + (values.count(key) ? *values[key] : nested(below[key]));
  }
  return text + "}";
}

// Whether reading `path` ("egress.allowlist", "params.ca_cert") reads the leaf of `atom`:
// the leaf itself, a field inside it, or a record holding it.
bool reads(const std::string& path, const Atom& atom) {
  if (atom.param) {
    if (path.compare(0, 7, "params.") != 0) return false;
    const std::string given = path.substr(7) + "=";
    return std::any_of(
        atom.param_values.begin(), atom.param_values.end(),
        [&](const std::string& value) { return value.compare(0, given.size(), given) == 0; });
  }
  return path_related(atom.path, path);
}

// The atoms among `atoms` (each once) on a leaf one of `paths` reads, by leaf.
std::vector<std::vector<const Atom*>> atoms_read(const std::vector<const Atom*>& atoms,
                                                 const std::set<std::string>& paths) {
  std::map<std::string, std::vector<const Atom*>> by_leaf;
  for (const Atom* atom : atoms) {
    const bool read = std::any_of(paths.begin(), paths.end(),
                                  [&](const std::string& path) { return reads(path, *atom); });
    if (read) by_leaf[atom->path].push_back(atom);
  }
  std::vector<std::vector<const Atom*>> out;
  for (auto& leaf : by_leaf) {
    if (!leaf.second.empty()) out.push_back(std::move(leaf.second));
  }
  return out;
}

// Every choice of at most one atom per leaf not tried yet, as candidates; past the caps
// the output value at `where` is reported undecided instead.
class Combinations {
 public:
  explicit Combinations(BottleSpace& space) : space_(space) {}

  // `alone`: the leaves set at most one at a time, each beside every choice of the others.
  void add(const std::vector<std::vector<const Atom*>>& leaves, const std::vector<bool>& alone,
           const std::string& key, SourceRange where, bool in_new) {
    std::size_t count = 1;
    std::size_t alone_count = 1;
    for (std::size_t i = 0; i < leaves.size(); ++i) {
      if (alone[i]) {
        alone_count += leaves[i].size();
      } else {
        count = std::min<std::size_t>(count * (leaves[i].size() + 1), SIZE_MAX / 64);
      }
    }
    count = std::min<std::size_t>(count * alone_count, SIZE_MAX / 64);
    if (count > kMaxCombinationsPerReach || total_ + count > kMaxCombinations) {
      space_.capped.push_back({key, where, in_new, leaves.size(), count});
      return;
    }
    total_ += count;
    std::vector<std::size_t> choice(leaves.size(), 0);  // 0: leaf unset; k: its atom k - 1
    while (true) {
      Candidate candidate;
      for (std::size_t i = 0; i < leaves.size(); ++i) {
        if (choice[i] > 0) candidate.atoms.push_back(leaves[i][choice[i] - 1]);
      }
      offer(candidate);
      for (std::size_t i = 0; i < leaves.size(); ++i) {
        if (!alone[i]) continue;
        for (const Atom* atom : leaves[i]) {
          Candidate more = candidate;
          more.atoms.push_back(atom);
          offer(std::move(more));
        }
      }
      std::size_t i = 0;
      while (i < leaves.size() && (alone[i] || ++choice[i] > leaves[i].size())) choice[i++] = 0;
      if (i == leaves.size()) break;
    }
  }

  Tried tried;

 private:
  void offer(Candidate candidate) {
    if (tried.first_time(candidate.atoms)) space_.candidates.push_back(std::move(candidate));
  }

  BottleSpace& space_;
  std::size_t total_ = 0;
};

// One output's reach in both policies: what either side's value of that key reads.
struct Reach {
  SourceRange where;
  bool in_new = false;
  std::set<std::string> paths;
  std::set<std::string> read;  // paths and fields
  Literals literals;
  std::set<std::string> paired_lists;
  std::set<std::string> tested_paths;
  std::set<std::string> compared_lists;
  bool compares_inputs = false;
};

// Once per output value and list or map: the new policy's place where both have it.
template <typename Gap>
void keep_once(std::vector<Gap>& gaps, Gap gap, const std::string Gap::*name) {
  gaps.erase(std::remove_if(gaps.begin(), gaps.end(),
                            [&](const Gap& g) { return g.key == gap.key && g.*name == gap.*name; }),
             gaps.end());
  gaps.push_back(std::move(gap));
}

// Each output value's reach in both policies, merged by key; what no reach can decide
// goes to `space`.
std::map<std::string, Reach> reaches(const ir::Program& old_program, const ir::Program& new_program,
                                     BottleSpace& space) {
  std::map<std::string, Reach> out;
  for (const ir::Program* program : {&old_program, &new_program}) {
    const bool in_new = program == &new_program;
    for (OutputReach& reach : output_reach(*program)) {
      for (const auto& [list, tests] : reach.over_tested) {
        keep_once(space.over_tested, {reach.key, reach.where, in_new, list, tests}, &OverTestedList::list);
      }
      for (const std::string& map : reach.compared_maps) {
        keep_once(space.compared_maps, {reach.key, reach.where, in_new, map}, &MapComparison::map);
      }
      Reach& merged = out[reach.key];
      merged.where = reach.where;
      merged.in_new = program == &new_program;
      merged.read.insert(reach.paths.begin(), reach.paths.end());
      merged.read.insert(reach.fields.begin(), reach.fields.end());
      merged.paths.merge(reach.paths);
      merged.literals.strings.merge(reach.literals.strings);
      merged.literals.integers.merge(reach.literals.integers);
      merged.literals.lists.merge(reach.literals.lists);
      merged.compared_lists.merge(reach.compared_lists);
      merged.paired_lists.merge(reach.paired_lists);
      merged.tested_paths.merge(reach.tested_paths);
      merged.compares_inputs = merged.compares_inputs || reach.compares_inputs;
    }
  }
  return out;
}

// The atoms of both policies' schemas that `scope` makes.
std::vector<const Atom*> schema_atoms(const LeafValues& scope, const ir::Program& old_program,
                                      const ir::Program& new_program, AtomTable& table) {
  std::vector<const Atom*> out;
  std::set<const Atom*> seen;  // both schemas mostly make the same atoms
  for (const ir::Program* program : {&old_program, &new_program}) {
    std::vector<Atom> atoms;
    if (program->manifest) scope.manifest_atoms(*program->manifest, "", atoms);
    if (program->params) scope.param_atoms(*program->params, atoms);
    for (Atom& atom : atoms) {
      const Atom* kept = table.add(std::move(atom));
      if (seen.insert(kept).second) out.push_back(kept);
    }
  }
  return out;
}

}  // namespace

std::string Candidate::bottle_yaml() const {
  std::vector<std::pair<std::string, const std::string*>> leaves;
  for (const Atom* atom : atoms) {
    if (!atom->param) leaves.push_back({atom->path, &atom->json});
  }
  return nested(leaves);
}

std::vector<std::string> Candidate::params() const {
  std::vector<std::string> out;
  for (const Atom* atom : atoms) {
    if (atom->param) out.insert(out.end(), atom->param_values.begin(), atom->param_values.end());
  }
  return out;
}

std::string Candidate::describe() const {
  if (atoms.empty()) return "always (every bottle, no parameters)";
  std::vector<std::string> parts;
  for (const Atom* atom : atoms) {
    parts.push_back(atom->param
                        ? fmt::format("--param {}", fmt::join(atom->param_values, " --param "))
                        : fmt::format("bottle.{} = {}", atom->path, atom->json));
  }
  return fmt::format("when {}", fmt::join(parts, " and "));
}

BottleSpace bottle_space(const ir::Program& old_program, const ir::Program& new_program) {
  LeafValues scope;
  for (const ir::Program* program : {&old_program, &new_program}) {
    Literals literals = policy_literals(*program);
    scope.strings.merge(literals.strings);
    scope.integers.merge(literals.integers);
  }
  BottleSpace space;
  AtomTable table(space.atoms);
  Combinations combinations(space);
  const std::vector<const Atom*> atoms = schema_atoms(scope, old_program, new_program, table);
  space.candidates.push_back({});
  for (const Atom* atom : atoms) space.candidates.push_back({{atom}});
  for (std::size_t i = 0; i < atoms.size(); ++i) {
    for (std::size_t j = i + 1; j < atoms.size(); ++j) {
      if (atoms[i]->path == atoms[j]->path) continue;
      space.candidates.push_back({{atoms[i], atoms[j]}});
    }
  }
  for (const Candidate& candidate : space.candidates)
    combinations.tried.first_time(candidate.atoms);
  const std::size_t numbers =
      scope.integers.size() + !scope.integers.count(0) + !scope.integers.count(1);
  if (scope.numbers_tried && numbers > kMaxLiteralsPerLeaf) {
    space.crowded.push_back(fmt::format(
        "the policies hold {} numbers; a bottle's number is tried with the first {} only", numbers,
        kMaxLiteralsPerLeaf));
  }
  if (scope.too_deep) {
    space.crowded.push_back("a record nested more than three levels deep is not tried with values");
  }
  for (const auto& [kind, strings] : scope.accepted) {
    if (strings.size() <= kMaxLiteralsPerLeaf) continue;
    space.crowded.push_back(fmt::format(
        "the policies hold {} {}; a bottle's value of that kind is tried with the first {} only",
        strings.size(), kind_name(kind), kMaxLiteralsPerLeaf));
  }
  // Values a bottle is refused or taken for, alone: whether such a value compiles does
  // not depend on the other leaves.
  LeafValues acceptance = scope;
  acceptance.acceptance = true;
  for (const Atom* atom : schema_atoms(acceptance, old_program, new_program, table)) {
    if (combinations.tried.first_time({atom})) space.candidates.push_back({{atom}});
  }
  space.unsampled_hosts = unsampled_host_rules(old_program.manifest, new_program.manifest);
  // Each output value over everything that decides it, rules of other names included,
  // with the strings that reach compares or adds and the fields it reads varied together.
  for (const auto& [key, reach] : reaches(old_program, new_program, space)) {
    LeafValues within;
    within.strings = reach.literals.strings;
    within.integers = reach.literals.integers;
    within.read_together = &reach.read;
    within.paired_lists = &reach.paired_lists;
    within.two_fresh = reach.compares_inputs;
    within.tested_paths = &reach.tested_paths;
    within.compared_lists = &reach.compared_lists;
    within.literal_lists = &reach.literals.lists;
    const auto leaves =
        atoms_read(schema_atoms(within, old_program, new_program, table), reach.paths);
    if (within.overflow) {
      space.capped.push_back({key, reach.where, reach.in_new, leaves.size(), within.overflow});
    } else if (!leaves.empty()) {
      std::vector<bool> alone;
      for (const auto& leaf : leaves) {
        auto found = within.added_alone_leaves.find(leaf.front()->path);
        alone.push_back(found != within.added_alone_leaves.end() && found->second);
      }
      combinations.add(leaves, alone, key, reach.where, reach.in_new);
    }
  }
  return space;
}

}  // namespace policyc
