#include "pipeline/symdiff/bottle_space.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "base/hostname.hpp"
#include "base/json_writer.hpp"
#include "ir/expression_slots.hpp"
#include "pipeline/symdiff/construct_leaves.hpp"

namespace policyc {

namespace {

// Fresh values: equal to no constant, so a filter `x == "a"` is seen both ways.
constexpr const char* kFreshHost = "fresh.example.org";
constexpr const char* kFreshPath = "/fresh/path";
constexpr const char* kFreshCidr = "10.99.0.0/16";
constexpr const char* kFreshText = "fresh";
// Policy strings a leaf is tried with: past this many of one kind the search would grow
// with their square, so the kind is reported undecided (counted wider) instead of cut.
constexpr std::size_t kMaxLiteralsPerLeaf = 32;
// Combinations of three or more leaves per construct, and in all: beyond them a construct
// is reported undecided (counted wider) rather than searched for minutes.
constexpr std::size_t kMaxCombinationsPerConstruct = 2048;
constexpr std::size_t kMaxCombinations = 8192;

void collect_strings(const ast::Expr& expr, std::set<std::string>& out) {
  if (expr.kind == ast::Expr::Kind::String) out.insert(expr.text);
  for (const auto& operand : expr.operands) {
    if (operand) collect_strings(*operand, out);
  }
}

void collect_value_strings(const Value& value, std::set<std::string>& out) {
  if (value.kind == Value::Kind::String) out.insert(std::string(value.string.view()));
  for (const Value& item : value.items) collect_value_strings(item, out);
  for (const auto& field : value.fields) collect_value_strings(field.second, out);
}

// Every string either policy writes: the constants a manifest value can be compared with.
std::set<std::string> policy_strings(const ir::Program& program) {
  std::set<std::string> out;
  for (const ast::PolicyFile& file : program.files) {
    for_each_expression_slot(file, [&](const std::unique_ptr<ast::Expr>& slot, ExprPlace) {
      if (slot) collect_strings(*slot, out);
    });
  }
  for (const ir::Constant& constant : program.constants) collect_value_strings(constant.value, out);
  return out;
}

// Whether the manifest reader takes `s` as a value of `kind`: a string it refuses can make
// no bottle compile, so trying it only costs time.
bool accepted_as(Type::Kind kind, const std::string& s) {
  std::string normalized;
  switch (kind) {
    case Type::Kind::Hostname:
      return !check_hostname(s, normalized);
    case Type::Kind::Path:
      return !s.empty() && s.front() == '/' && !check_path(s);
    case Type::Kind::Cidr:
      return !check_cidr(s, normalized);
    default:
      return true;
  }
}

const char* kind_name(Type::Kind kind) {
  switch (kind) {
    case Type::Kind::Hostname:
      return "hostnames";
    case Type::Kind::Path:
      return "paths";
    case Type::Kind::Cidr:
      return "CIDRs";
    default:
      return "strings";
  }
}

struct Generator {
  std::set<std::string> strings;
  // The policy strings each kind accepts, checked once per kind rather than once per leaf.
  mutable std::map<Type::Kind, std::vector<std::string>> accepted;

  const std::vector<std::string>& accepted_strings(Type::Kind kind) const {
    auto found = accepted.find(kind);
    if (found != accepted.end()) return found->second;
    std::vector<std::string>& out = accepted[kind];
    for (const std::string& s : strings) {
      if (accepted_as(kind, s)) out.push_back(json_quote(s));
    }
    return out;
  }

  // The JSON values one value of `type` takes in the scope.
  std::vector<std::string> values(const Type& type, int depth) const {
    std::vector<std::string> out;
    switch (type.kind) {
      case Type::Kind::Bool:
        out = {"true", "false"};
        break;
      case Type::Kind::Int:
        out = {"0", "1"};
        break;
      case Type::Kind::Enum:
        for (const std::string& v : type.enum_values) out.push_back(json_quote(v));
        break;
      case Type::Kind::String:
      case Type::Kind::Hostname:
      case Type::Kind::Path:
      case Type::Kind::Cidr:
        out = scalars(type.kind);
        break;
      case Type::Kind::List:
        out = lists(*type.element, depth);
        break;
      case Type::Kind::Map:
        out = {"{}"};
        for (const std::string& v : first(values(*type.element, depth + 1), 2)) {
          out.push_back(fmt::format("{{\"K\": {}}}", v));
        }
        break;
      case Type::Kind::Record:
        out = records(*type.record, depth);
        break;
      default:
        break;
    }
    if (type.optional) out.push_back("null");
    return out;
  }

  static std::vector<std::string> first(std::vector<std::string> v, std::size_t n) {
    if (v.size() > n) v.resize(n);
    return v;
  }

  std::vector<std::string> scalars(Type::Kind kind) const {
    const std::vector<std::string>& all = accepted_strings(kind);
    std::vector<std::string> out(all.begin(), all.begin() + std::min(all.size(), kMaxLiteralsPerLeaf));
    const char* fresh = kind == Type::Kind::Hostname ? kFreshHost
                        : kind == Type::Kind::Path   ? kFreshPath
                        : kind == Type::Kind::Cidr   ? kFreshCidr
                                                     : kFreshText;
    out.push_back(json_quote(fresh));
    return out;
  }

  // Empty, each one-element list, and one two-element list per pair of neighbours.
  std::vector<std::string> lists(const Type& element, int depth) const {
    std::vector<std::string> out = {"[]"};
    const std::vector<std::string> items = values(element, depth + 1);
    for (const std::string& item : items) out.push_back("[" + item + "]");
    for (std::size_t i = 0; i + 1 < items.size() && i < 4; ++i) {
      out.push_back("[" + items[i] + ", " + items.back() + "]");
    }
    return out;
  }

  // A record with its required fields at their first value, then each field varied alone.
  std::vector<std::string> records(const RecordType& record, int depth) const {
    if (depth > 3) return {};
    std::vector<std::pair<std::string, std::vector<std::string>>> fields;
    for (const FieldType& field : record.fields) {
      fields.emplace_back(field.name, values(*field.type, depth + 1));
    }
    auto render = [&](std::size_t varied, const std::string& value) {
      std::string text = "{";
      for (std::size_t i = 0; i < fields.size(); ++i) {
        const bool required = record.fields[i].required();
        if (i != varied && (!required || fields[i].second.empty())) continue;
        if (text.size() > 1) text += ", ";
        text += json_quote(fields[i].first) + ": " + (i == varied ? value : fields[i].second[0]);
      }
      return text + "}";
    };
    std::vector<std::string> out = {render(fields.size(), "")};
    for (std::size_t i = 0; i < fields.size(); ++i) {
      for (std::size_t k = 0; k < fields[i].second.size(); ++k) {
        if (record.fields[i].required() && k == 0) continue;
        out.push_back(render(i, fields[i].second[k]));
      }
    }
    return out;
  }

  // Leaves of the manifest: records are walked into, any other field is one leaf.
  void manifest_atoms(const RecordType& record, const std::string& prefix,
                      std::vector<Atom>& out) const {
    for (const FieldType& field : record.fields) {
      const std::string path = prefix.empty() ? field.name : prefix + "." + field.name;
      if (field.type->kind == Type::Kind::Record && !field.type->optional) {
        manifest_atoms(*field.type->record, path, out);
        continue;
      }
      for (const std::string& v : values(*field.type, 0)) out.push_back({path, v, false, {}});
    }
  }

  void param_atoms(const RecordType& params, std::vector<Atom>& out) const {
    for (const FieldType& field : params.fields) {
      const bool is_list = field.type->kind == Type::Kind::List;
      const Type& type = is_list ? *field.type->element : *field.type;
      for (const std::string& v : first(scalars(type.kind), 3)) {
        const std::string text = v.substr(1, v.size() - 2);
        out.push_back({"params." + field.name, v, true, {field.name + "=" + text}});
      }
    }
    // `together(a, b)`: the fields given at once, each at its fresh value.
    for (const TogetherRule& rule : params.together) {
      Atom atom{"params." + fmt::format("{}", fmt::join(rule.names, "+")), "", true, {}};
      for (const std::string& name : rule.names) {
        const FieldType* field = params.find(name);
        if (!field) continue;
        const std::string v = scalars(field->type->kind).back();
        atom.param_values.push_back(name + "=" + v.substr(1, v.size() - 2));
      }
      atom.json = fmt::format("{}", fmt::join(atom.param_values, " "));
      out.push_back(std::move(atom));
    }
  }
};

// Adds each atom of `more` not already in `out` (by path and value).
void merge(std::vector<Atom>& out, std::vector<Atom> more) {
  for (Atom& atom : more) {
    const bool seen = std::any_of(out.begin(), out.end(), [&](const Atom& a) {
      return a.path == atom.path && a.json == atom.json;
    });
    if (!seen) out.push_back(std::move(atom));
  }
}

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

bool starts_with(const std::string& text, const std::string& prefix) {
  return text.compare(0, prefix.size(), prefix) == 0;
}

// Whether reading `path` ("egress.allowlist", "params.ca_cert") reads the leaf of `atom`:
// the leaf itself, a field inside it, or a record holding it.
bool reads(const std::string& path, const Atom& atom) {
  if (atom.param) {
    if (!starts_with(path, "params.")) return false;
    const std::string given = path.substr(7) + "=";
    return std::any_of(atom.param_values.begin(), atom.param_values.end(),
                       [&](const std::string& value) { return starts_with(value, given); });
  }
  return atom.path == path || starts_with(path, atom.path + ".") || starts_with(atom.path, path + ".");
}

// Every choice of at most one atom per leaf that `construct` reads, with three or more set
// (fewer are the singles and pairs already tried); nothing when it reads under three leaves.
void add_combinations(BottleSpace& space, const ConstructLeaves& construct, bool in_new,
                      std::set<std::vector<const Atom*>>& tried, std::size_t& total) {
  std::map<std::string, std::vector<const Atom*>> by_leaf;
  for (const Atom& atom : space.atoms) {
    for (const std::string& path : construct.paths) {
      if (reads(path, atom)) {
        by_leaf[atom.path].push_back(&atom);
        break;
      }
    }
  }
  if (by_leaf.size() < 3) return;
  std::size_t count = 1;
  for (const auto& leaf : by_leaf) count = std::min<std::size_t>(count * (leaf.second.size() + 1), SIZE_MAX / 64);
  if (count > kMaxCombinationsPerConstruct || total + count > kMaxCombinations) {
    space.capped.push_back({construct.where, in_new, by_leaf.size(), count});
    return;
  }
  total += count;
  std::vector<std::vector<const Atom*>> leaves;
  for (auto& leaf : by_leaf) leaves.push_back(std::move(leaf.second));
  std::vector<std::size_t> choice(leaves.size(), 0);  // 0: leaf unset; k: its atom k - 1
  while (true) {
    Candidate candidate;
    for (std::size_t i = 0; i < leaves.size(); ++i) {
      if (choice[i] > 0) candidate.atoms.push_back(leaves[i][choice[i] - 1]);
    }
    if (candidate.atoms.size() >= 3 && tried.insert(candidate.atoms).second) {
      space.candidates.push_back(std::move(candidate));
    }
    std::size_t i = 0;
    while (i < leaves.size() && ++choice[i] > leaves[i].size()) choice[i++] = 0;
    if (i == leaves.size()) break;
  }
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
    parts.push_back(atom->param ? fmt::format("--param {}", fmt::join(atom->param_values, " --param "))
                                : fmt::format("bottle.{} = {}", atom->path, atom->json));
  }
  return fmt::format("when {}", fmt::join(parts, " and "));
}

BottleSpace bottle_space(const ir::Program& old_program, const ir::Program& new_program) {
  Generator generator;
  generator.strings = policy_strings(old_program);
  generator.strings.merge(policy_strings(new_program));
  BottleSpace space;
  for (const ir::Program* program : {&old_program, &new_program}) {
    std::vector<Atom> atoms;
    if (program->manifest) generator.manifest_atoms(*program->manifest, "", atoms);
    if (program->params) generator.param_atoms(*program->params, atoms);
    merge(space.atoms, std::move(atoms));
  }
  space.candidates.push_back({});
  for (const Atom& atom : space.atoms) space.candidates.push_back({{&atom}});
  for (std::size_t i = 0; i < space.atoms.size(); ++i) {
    for (std::size_t j = i + 1; j < space.atoms.size(); ++j) {
      if (space.atoms[i].path == space.atoms[j].path) continue;
      space.candidates.push_back({{&space.atoms[i], &space.atoms[j]}});
    }
  }
  for (const auto& [kind, strings] : generator.accepted) {
    if (strings.size() <= kMaxLiteralsPerLeaf) continue;
    space.crowded.push_back(fmt::format(
        "the policies hold {} {}; a bottle's value of that kind is tried with the first {} only",
        strings.size(), kind_name(kind), kMaxLiteralsPerLeaf));
  }
  std::set<std::vector<const Atom*>> tried;
  std::size_t total = 0;
  for (const ir::Program* program : {&old_program, &new_program}) {
    for (const ConstructLeaves& construct : construct_leaves(*program)) {
      add_combinations(space, construct, program == &new_program, tried, total);
    }
  }
  return space;
}

}  // namespace policyc
