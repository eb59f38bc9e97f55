#include "pipeline/symdiff/bottle_space.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <deque>
#include <map>
#include <set>

#include "base/host_class.hpp"
#include "base/hostname.hpp"
#include "base/json_writer.hpp"
#include "ir/expression_slots.hpp"
#include "pipeline/symdiff/output_reach.hpp"

namespace policyc {

namespace {

// Fresh values: equal to no constant, so a filter `x == "a"` is seen both ways.
constexpr const char* kFreshHost = "fresh.example.org";
constexpr const char* kFreshPath = "/fresh/path";
constexpr const char* kFreshCidr = "10.99.0.0/16";
constexpr const char* kFreshText = "fresh";
// A second value equal to no constant, where two values read from the bottle are compared.
constexpr const char* kOtherFreshHost = "other.example.org";
constexpr const char* kOtherFreshPath = "/other/path";
constexpr const char* kOtherFreshCidr = "10.98.0.0/16";
constexpr const char* kOtherFreshText = "other";
// Policy strings a leaf is tried with: past this many of one kind the search would grow
// with their square, so the kind is reported undecided (counted wider) instead of cut.
constexpr std::size_t kMaxLiteralsPerLeaf = 32;
// Combinations of the leaves one output value reads, per value and in all: beyond them
// the value is reported undecided (counted wider) rather than searched for minutes.
constexpr std::size_t kMaxCombinationsPerReach = 8192;
constexpr std::size_t kMaxCombinations = 16384;

void collect_literals(const ast::Expr& expr, Literals& out) {
  if (expr.kind == ast::Expr::Kind::String) out.strings.insert(expr.text);
  if (expr.kind == ast::Expr::Kind::Integer && !expr.integer_overflow) out.integers.insert(expr.integer);
  for (const auto& operand : expr.operands) {
    if (operand) collect_literals(*operand, out);
  }
}

void collect_value_literals(const Value& value, Literals& out) {
  if (value.kind == Value::Kind::String) out.strings.insert(std::string(value.string.view()));
  if (value.kind == Value::Kind::Int) out.integers.insert(value.integer);
  for (const Value& item : value.items) collect_value_literals(item, out);
  for (const auto& field : value.fields) collect_value_literals(field.second, out);
}

// Every string and number either policy writes: the constants a manifest value can be
// compared with.
Literals policy_literals(const ir::Program& program) {
  Literals out;
  for (const ast::PolicyFile& file : program.files) {
    for_each_expression_slot(file, [&](const std::unique_ptr<ast::Expr>& slot, ExprPlace) {
      if (slot) collect_literals(*slot, out);
    });
  }
  for (const ir::Constant& constant : program.constants) collect_value_literals(constant.value, out);
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

bool starts_with(const std::string& text, const std::string& prefix) {
  return text.compare(0, prefix.size(), prefix) == 0;
}

struct Generator {
  std::set<std::string> strings;
  std::set<std::int64_t> integers;
  mutable bool numbers_tried = false;  // some leaf is a number
  // For one output's reach: the fields it reads, which a record varies together rather
  // than one at a time; null for the whole scope.
  const std::set<std::string>* read_together = nullptr;
  const std::set<std::string>* paired_lists = nullptr;  // element paths: every pair tried
  bool two_fresh = false;  // a second value equal to no policy string
  // Values a bottle is refused or taken for whatever else it holds, tried alone: hostnames
  // of each set of classes (hosts() rules), lists holding one element twice (unique()),
  // and keys a `renamed` rule reads.
  bool acceptance = false;
  const std::set<std::string>* tested_paths = nullptr;  // leaves read other than as added
  const std::set<std::string>* compared_lists = nullptr;  // bottle lists compared whole
  const std::set<std::vector<std::string>>* literal_lists = nullptr;
  // Lists whose elements the reach only adds to sets: tried beside every choice of the
  // other leaves, but not beside one another.
  mutable std::map<std::string, bool> added_alone_leaves;
  // A record's fields read together with more combinations than are tried: how many.
  mutable std::size_t overflow = 0;
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
  std::vector<std::string> values(const Type& type, int depth, const std::string& path) const {
    std::vector<std::string> out;
    switch (type.kind) {
      case Type::Kind::Bool:
        out = {"true", "false"};
        break;
      case Type::Kind::Int:
        out = numbers();
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
        out = lists(*type.element, depth, path);
        break;
      case Type::Kind::Map:
        out = {"{}"};
        for (const std::string& v : first(values(*type.element, depth + 1, path + "{}"), 2)) {
          out.push_back(fmt::format("{{\"K\": {}}}", v));
        }
        break;
      case Type::Kind::Record:
        out = records(*type.record, depth, path);
        break;
      default:
        break;
    }
    if (type.optional) out.push_back("null");
    return out;
  }

  // Empty and each one-element list; `items` gets the elements.
  std::vector<std::string> single_element_lists(const Type& element, int depth, const std::string& path,
                                                std::vector<std::string>& items) const {
    std::vector<std::string> out = {"[]"};
    items = values(element, depth + 1, path + "[]");
    for (const std::string& item : items) out.push_back("[" + item + "]");
    return out;
  }

  static std::vector<std::string> first(std::vector<std::string> v, std::size_t n) {
    if (v.size() > n) v.resize(n);
    return v;
  }

  // 0, 1 and every number the policies write, up to the cap; past it the kind is reported.
  std::vector<std::string> numbers() const {
    numbers_tried = true;
    std::set<std::int64_t> all = integers;
    all.insert({0, 1});
    std::vector<std::string> out;
    for (std::int64_t n : all) {
      if (out.size() == kMaxLiteralsPerLeaf) break;
      out.push_back(std::to_string(n));
    }
    return out;
  }

  std::vector<std::string> scalars(Type::Kind kind) const {
    if (kind == Type::Kind::Hostname && acceptance) {
      // The fresh host first: a record's other fields are tried beside a host it takes.
      std::vector<std::string> out = {json_quote(kFreshHost)};
      for (const std::string& host : host_class_samples()) out.push_back(json_quote(host));
      return out;
    }
    const std::vector<std::string>& all = accepted_strings(kind);
    std::vector<std::string> out(all.begin(), all.begin() + std::min(all.size(), kMaxLiteralsPerLeaf));
    const char* fresh = kind == Type::Kind::Hostname ? kFreshHost
                        : kind == Type::Kind::Path   ? kFreshPath
                        : kind == Type::Kind::Cidr   ? kFreshCidr
                                                     : kFreshText;
    out.push_back(json_quote(fresh));
    if (!two_fresh) return out;
    const char* other = kind == Type::Kind::Hostname ? kOtherFreshHost
                        : kind == Type::Kind::Path   ? kOtherFreshPath
                        : kind == Type::Kind::Cidr   ? kOtherFreshCidr
                                                     : kOtherFreshText;
    out.insert(out.end() - 1, json_quote(other));  // the fresh value stays last
    return out;
  }

  // Empty, each one-element list, and two-element lists: each of the first four elements
  // beside the last, or every pair where the list is tested element by element.
  std::vector<std::string> lists(const Type& element, int depth, const std::string& path) const {
    std::vector<std::string> items;
    std::vector<std::string> out = single_element_lists(element, depth, path, items);
    if (acceptance) {
      for (const std::string& item : items) out.push_back("[" + item + ", " + item + "]");
    }
    const bool text = element.kind == Type::Kind::String || element.kind == Type::Kind::Hostname ||
                      element.kind == Type::Kind::Path || element.kind == Type::Kind::Cidr ||
                      element.kind == Type::Kind::Enum;
    if (text && compared_lists && compared_lists->count(path)) {
      for (const std::vector<std::string>& list : *literal_lists) {
        if (!std::all_of(list.begin(), list.end(), [&](const std::string& s) { return accepted_as(element.kind, s); })) continue;
        std::vector<std::string> quoted;
        for (const std::string& s : list) quoted.push_back(json_quote(s));
        out.push_back(fmt::format("[{}]", fmt::join(quoted, ", ")));
      }
    }
    if (paired_lists && paired_lists->count(path + "[]")) {
      for (std::size_t i = 0; i < items.size(); ++i) {
        // Both orders: a policy may sort the list or keep the bottle's order.
        for (std::size_t j = 0; j < items.size(); ++j) {
          if (i != j) out.push_back("[" + items[i] + ", " + items[j] + "]");
        }
      }
      return out;
    }
    for (std::size_t i = 0; i + 1 < items.size() && i < 4; ++i) {
      out.push_back("[" + items[i] + ", " + items.back() + "]");
    }
    return out;
  }

  // A record with its required fields at their first value, then each field varied alone;
  // within an output's reach, the fields it reads are varied together instead.
  std::vector<std::string> records(const RecordType& record, int depth, const std::string& path) const {
    if (depth > 3) return {};
    std::vector<std::pair<std::string, std::vector<std::string>>> fields;
    for (const FieldType& field : record.fields) {
      fields.emplace_back(field.name, values(*field.type, depth + 1, path + "." + field.name));
    }
    if (read_together) {
      std::vector<std::size_t> together;
      for (std::size_t i = 0; i < fields.size(); ++i) {
        if (is_read(path + "." + fields[i].first)) together.push_back(i);
      }
      // With no field read, the base record alone: a field the reach does not read cannot
      // change what it gives.
      return varied_together(record, fields, together);
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
    if (acceptance) {
      for (const RenamedKeyRule& rule : record.renamed) out.push_back(renamed(record, fields, rule));
    }
    for (std::size_t i = 0; i < fields.size(); ++i) {
      for (std::size_t k = 0; k < fields[i].second.size(); ++k) {
        if (record.fields[i].required() && k == 0) continue;
        out.push_back(render(i, fields[i].second[k]));
      }
    }
    return out;
  }

  bool is_read(const std::string& field) const {
    auto at = read_together->lower_bound(field);
    return at != read_together->end() &&
           (*at == field || at->compare(0, field.size() + 1, field + ".") == 0);
  }

  // Every choice of value for each field read (an optional one's include null), the
  // other required fields at their first value.
  std::vector<std::string> varied_together(
      const RecordType& record, const std::vector<std::pair<std::string, std::vector<std::string>>>& fields,
      const std::vector<std::size_t>& together) const {
    std::size_t count = 1;
    for (std::size_t i : together) {
      count = std::min<std::size_t>(count * std::max<std::size_t>(fields[i].second.size(), 1), SIZE_MAX / 64);
    }
    if (count > kMaxCombinationsPerReach) {
      overflow = std::max(overflow, count);
      return {};
    }
    std::vector<std::string> out;
    std::vector<std::size_t> choice(fields.size(), 0);  // index into each field's values
    while (true) {
      std::string text = "{";
      for (std::size_t i = 0; i < fields.size(); ++i) {
        const bool varied = std::find(together.begin(), together.end(), i) != together.end();
        const bool required = record.fields[i].required();
        if (fields[i].second.empty() || choice[i] >= fields[i].second.size()) continue;
        if (!varied && !required) continue;
        if (text.size() > 1) text += ", ";
        text += json_quote(fields[i].first) + ": " + fields[i].second[choice[i]];
      }
      out.push_back(text + "}");
      std::size_t k = 0;
      for (; k < together.size(); ++k) {
        const std::size_t i = together[k];
        if (++choice[i] < fields[i].second.size()) break;
        choice[i] = 0;
      }
      if (k == together.size()) break;
    }
    return out;
  }

  // The base record with `rule`'s target field written under the old name.
  static std::string renamed(const RecordType& record,
                             const std::vector<std::pair<std::string, std::vector<std::string>>>& fields,
                             const RenamedKeyRule& rule) {
    std::string text = "{";
    for (std::size_t i = 0; i < fields.size(); ++i) {
      const bool target = fields[i].first == rule.target;
      if (fields[i].second.empty() || (!target && !record.fields[i].required())) continue;
      if (text.size() > 1) text += ", ";
      text += json_quote(target ? rule.name : fields[i].first) + ": " + fields[i].second[0];
    }
    return text + "}";
  }

  // Leaves of the manifest: records are walked into, any other field is one leaf.
  void manifest_atoms(const RecordType& record, const std::string& prefix,
                      std::vector<Atom>& out) const {
    if (acceptance) {
      for (const RenamedKeyRule& rule : record.renamed) {
        const FieldType* target = record.find(rule.target);
        if (!target) continue;
        const std::string path = prefix.empty() ? rule.name : prefix + "." + rule.name;
        for (const std::string& v : first(values(*target->type, 0, path), 2)) out.push_back({path, v, false, {}});
      }
    }
    for (const FieldType& field : record.fields) {
      const std::string path = prefix.empty() ? field.name : prefix + "." + field.name;
      if (field.type->kind == Type::Kind::Record && !field.type->optional) {
        manifest_atoms(*field.type->record, path, out);
        continue;
      }
      const bool added_alone = adds_element_by_element(field, path);
      std::vector<std::string> items;
      for (const std::string& v : added_alone ? single_element_lists(*field.type->element, 0, path, items)
                                              : values(*field.type, 0, path)) {
        out.push_back({path, v, false, {}});
      }
      // A path both schemas have counts as added alone only if it is in both.
      const bool first_seen = added_alone_leaves.emplace(path, added_alone).second;
      if (!first_seen) added_alone_leaves[path] = added_alone_leaves[path] && added_alone;
    }
  }

  // Within a reach: a list, empty unless given, whose elements rules only add to sets. Its
  // value adds what each element adds, so two elements show nothing one does not.
  bool adds_element_by_element(const FieldType& field, const std::string& path) const {
    if (!tested_paths || field.type->kind != Type::Kind::List || !field.has_default ||
        !field.default_value.items.empty()) {
      return false;
    }
    return std::none_of(tested_paths->begin(), tested_paths->end(), [&](const std::string& read) {
      return read == path || starts_with(read, path + ".") || starts_with(path, read + ".");
    });
  }

  // The values of a parameter of `type` as written after `NAME=` (absent is no atom).
  std::vector<std::string> param_texts(const Type& type, const std::string& path) const {
    std::vector<std::string> out;
    for (const std::string& v : values(type, 0, path)) {
      if (v == "null") continue;
      out.push_back(v.front() == '"' ? Json::parse(v).get<std::string>() : v);
    }
    return out;
  }

  void param_atoms(const RecordType& params, std::vector<Atom>& out) const {
    for (const FieldType& field : params.fields) {
      const std::string path = "params." + field.name;
      const bool is_list = field.type->kind == Type::Kind::List;
      const std::vector<std::string> texts = param_texts(is_list ? *field.type->element : *field.type, path);
      for (const std::string& text : texts) {
        out.push_back({path, json_quote(text), true, {field.name + "=" + text}});
      }
      // A list a condition tests element by element: every pair, given as two --param.
      if (!is_list || !paired_lists || !paired_lists->count(path + "[]")) continue;
      for (std::size_t i = 0; i < texts.size(); ++i) {
        for (std::size_t j = 0; j < texts.size(); ++j) {
          if (i == j) continue;
          out.push_back({path, fmt::format("[{}, {}]", json_quote(texts[i]), json_quote(texts[j])), true,
                         {field.name + "=" + texts[i], field.name + "=" + texts[j]}});
        }
      }
    }
    if (acceptance) {
      for (const RenamedKeyRule& rule : params.renamed) {
        const FieldType* target = params.find(rule.target);
        if (!target) continue;
        const bool is_list = target->type->kind == Type::Kind::List;
        const std::vector<std::string> texts =
            param_texts(is_list ? *target->type->element : *target->type, "params." + rule.target);
        if (!texts.empty()) out.push_back({"params." + rule.name, json_quote(texts[0]), true, {rule.name + "=" + texts[0]}});
      }
    }
    // `together(a, b)`: the fields given at once, each at its fresh value.
    for (const TogetherRule& rule : params.together) {
      Atom atom{"params." + fmt::format("{}", fmt::join(rule.names, "+")), "", true, {}};
      for (const std::string& name : rule.names) {
        const FieldType* field = params.find(name);
        if (!field) continue;
        const bool is_list = field->type->kind == Type::Kind::List;
        const std::vector<std::string> texts =
            param_texts(is_list ? *field->type->element : *field->type, "params." + name);
        if (!texts.empty()) atom.param_values.push_back(name + "=" + texts.back());
      }
      atom.json = fmt::format("{}", fmt::join(atom.param_values, " "));
      out.push_back(std::move(atom));
    }
  }
};

// Calls `visit(path, field)` for each field of `record` and the records inside it.
template <typename Visit>
void each_field(const RecordType& record, const std::string& prefix, Visit&& visit) {
  for (const FieldType& field : record.fields) {
    const std::string path = prefix.empty() ? field.name : prefix + "." + field.name;
    visit(path, field);
    const Type* type = field.type.get();
    std::string inner = path;
    while (type->element) {
      type = type->element.get();
      inner += "[]";
    }
    if (type->record) each_field(*type->record, inner, visit);
  }
}

using ClassSet = std::uint32_t;  // a bit per HostClass

ClassSet refused_classes(const HostRules& rules) {
  ClassSet out = 0;
  for (std::size_t i = 0; i < kHostClassCount; ++i) {
    if (rules.actions[i] == HostAction::Refuse) out |= ClassSet{1} << i;
  }
  return out;
}

// A field whose hosts() rules refuse different classes in the two policies, where no
// sample host has classes that one refuses and the other takes: the samples cannot show
// the change, so it is reported undecided. (A host's action depends only on its classes.)
std::vector<UnsampledHostRules> unsampled_host_rules(const RecordType* old_manifest,
                                                     const RecordType* new_manifest) {
  std::vector<UnsampledHostRules> out;
  if (!old_manifest || !new_manifest) return out;
  std::map<std::string, ClassSet> old_refused;
  each_field(*old_manifest, "", [&](const std::string& path, const FieldType& field) {
    old_refused[path] = refused_classes(field.hosts);
  });
  std::vector<ClassSet> samples;
  for (const std::string& host : host_class_samples()) {
    ClassSet set = 0;
    for (HostClass c : classify_host(host).classes) set |= ClassSet{1} << static_cast<unsigned>(c);
    samples.push_back(set);
  }
  each_field(*new_manifest, "", [&](const std::string& path, const FieldType& field) {
    auto old_side = old_refused.find(path);
    if (old_side == old_refused.end()) return;
    const ClassSet before = old_side->second;
    const ClassSet after = refused_classes(field.hosts);
    auto differs = [&](ClassSet classes) { return ((classes & before) != 0) != ((classes & after) != 0); };
    if (before == after || std::any_of(samples.begin(), samples.end(), differs)) return;
    out.push_back({field.range, "bottle." + path});
  });
  return out;
}

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
    if (!starts_with(path, "params.")) return false;
    const std::string given = path.substr(7) + "=";
    return std::any_of(atom.param_values.begin(), atom.param_values.end(),
                       [&](const std::string& value) { return starts_with(value, given); });
  }
  return atom.path == path || starts_with(path, atom.path + ".") || starts_with(atom.path, path + ".");
}

// The atoms among `atoms` on a leaf one of `paths` reads, by leaf.
std::vector<std::vector<const Atom*>> atoms_read(const std::vector<const Atom*>& atoms,
                                                 const std::set<std::string>& paths) {
  std::map<std::string, std::vector<const Atom*>> by_leaf;
  for (const Atom* atom : atoms) {
    const bool read = std::any_of(paths.begin(), paths.end(),
                                  [&](const std::string& path) { return reads(path, *atom); });
    std::vector<const Atom*>& leaf = by_leaf[atom->path];
    if (read && std::find(leaf.begin(), leaf.end(), atom) == leaf.end()) leaf.push_back(atom);
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

std::map<std::string, Reach> reaches(const ir::Program& old_program, const ir::Program& new_program,
                                     std::vector<OverTestedList>& over_tested) {
  std::map<std::string, Reach> out;
  for (const ir::Program* program : {&old_program, &new_program}) {
    for (OutputReach& reach : output_reach(*program)) {
      for (const auto& [list, tests] : reach.over_tested) {
        // Once per output value and list: the new policy's place where both have it.
        const auto same = std::find_if(over_tested.begin(), over_tested.end(), [&](const OverTestedList& o) {
          return o.key == reach.key && o.list == list;
        });
        if (same != over_tested.end()) over_tested.erase(same);
        over_tested.push_back({reach.key, reach.where, program == &new_program, list, tests});
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

// The atoms of both policies' schemas that `generator` makes.
std::vector<const Atom*> schema_atoms(const Generator& generator, const ir::Program& old_program,
                                      const ir::Program& new_program, AtomTable& table) {
  std::vector<const Atom*> out;
  for (const ir::Program* program : {&old_program, &new_program}) {
    std::vector<Atom> atoms;
    if (program->manifest) generator.manifest_atoms(*program->manifest, "", atoms);
    if (program->params) generator.param_atoms(*program->params, atoms);
    for (Atom& atom : atoms) {
      const Atom* kept = table.add(std::move(atom));
      if (std::find(out.begin(), out.end(), kept) == out.end()) out.push_back(kept);
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
    parts.push_back(atom->param ? fmt::format("--param {}", fmt::join(atom->param_values, " --param "))
                                : fmt::format("bottle.{} = {}", atom->path, atom->json));
  }
  return fmt::format("when {}", fmt::join(parts, " and "));
}

BottleSpace bottle_space(const ir::Program& old_program, const ir::Program& new_program) {
  Generator generator;
  for (const ir::Program* program : {&old_program, &new_program}) {
    Literals literals = policy_literals(*program);
    generator.strings.merge(literals.strings);
    generator.integers.merge(literals.integers);
  }
  BottleSpace space;
  AtomTable table(space.atoms);
  Combinations combinations(space);
  const std::vector<const Atom*> atoms = schema_atoms(generator, old_program, new_program, table);
  space.candidates.push_back({});
  for (const Atom* atom : atoms) space.candidates.push_back({{atom}});
  for (std::size_t i = 0; i < atoms.size(); ++i) {
    for (std::size_t j = i + 1; j < atoms.size(); ++j) {
      if (atoms[i]->path == atoms[j]->path) continue;
      space.candidates.push_back({{atoms[i], atoms[j]}});
    }
  }
  for (const Candidate& candidate : space.candidates) combinations.tried.first_time(candidate.atoms);
  const std::size_t numbers = generator.integers.size() + !generator.integers.count(0) + !generator.integers.count(1);
  if (generator.numbers_tried && numbers > kMaxLiteralsPerLeaf) {
    space.crowded.push_back(fmt::format(
        "the policies hold {} numbers; a bottle's number is tried with the first {} only", numbers,
        kMaxLiteralsPerLeaf));
  }
  for (const auto& [kind, strings] : generator.accepted) {
    if (strings.size() <= kMaxLiteralsPerLeaf) continue;
    space.crowded.push_back(fmt::format(
        "the policies hold {} {}; a bottle's value of that kind is tried with the first {} only",
        strings.size(), kind_name(kind), kMaxLiteralsPerLeaf));
  }
  // Values a bottle is refused or taken for, alone: whether such a value compiles does
  // not depend on the other leaves.
  Generator acceptance = generator;
  acceptance.acceptance = true;
  for (const Atom* atom : schema_atoms(acceptance, old_program, new_program, table)) {
    if (combinations.tried.first_time({atom})) space.candidates.push_back({{atom}});
  }
  space.unsampled_hosts = unsampled_host_rules(old_program.manifest, new_program.manifest);
  // Each output value over everything that decides it, rules of other names included,
  // with the strings that reach compares or adds and the fields it reads varied together.
  for (const auto& [key, reach] : reaches(old_program, new_program, space.over_tested)) {
    Generator within;
    within.strings = reach.literals.strings;
    within.integers = reach.literals.integers;
    within.read_together = &reach.read;
    within.paired_lists = &reach.paired_lists;
    within.two_fresh = reach.compares_inputs;
    within.tested_paths = &reach.tested_paths;
    within.compared_lists = &reach.compared_lists;
    within.literal_lists = &reach.literals.lists;
    const auto leaves = atoms_read(schema_atoms(within, old_program, new_program, table), reach.paths);
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
