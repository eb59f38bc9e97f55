#include "pipeline/symdiff/leaf_values.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "base/host_class.hpp"
#include "base/hostname.hpp"
#include "base/json_writer.hpp"
#include "ir/expression_slots.hpp"

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

void collect_literals(const ast::Expr& expr, Literals& out) {
  if (expr.kind == ast::Expr::Kind::String) out.strings.insert(expr.text);
  if (expr.kind == ast::Expr::Kind::Integer && !expr.integer_overflow)
    out.integers.insert(expr.integer);
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


}  // namespace

Literals policy_literals(const ir::Program& program) {
  Literals out;
  for (const ast::PolicyFile& file : program.files) {
    for_each_expression_slot(file, [&](const std::unique_ptr<ast::Expr>& slot, ExprPlace) {
      if (slot) collect_literals(*slot, out);
    });
  }
  for (const ir::Constant& constant : program.constants)
    collect_value_literals(constant.value, out);
  return out;
}

bool path_related(const std::string& a, const std::string& b) {
  auto inside = [](const std::string& inner, const std::string& outer) {
    return inner.size() > outer.size() && inner[outer.size()] == '.' &&
           inner.compare(0, outer.size(), outer) == 0;
  };
  return a == b || inside(a, b) || inside(b, a);
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

const std::vector<std::string>& LeafValues::accepted_strings(Type::Kind kind) const {
  auto found = accepted.find(kind);
  if (found != accepted.end()) return found->second;
  std::vector<std::string>& out = accepted[kind];
  for (const std::string& s : strings) {
    if (accepted_as(kind, s)) out.push_back(json_quote(s));
  }
  return out;
}

std::vector<std::string> LeafValues::values(const Type& type, int depth,
                                            const std::string& path) const {
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

std::vector<std::string> LeafValues::single_element_lists(const Type& element, int depth,
                                                          const std::string& path,
                                                          std::vector<std::string>& items) const {
  std::vector<std::string> out = {"[]"};
  items = values(element, depth + 1, path + "[]");
  for (const std::string& item : items) out.push_back("[" + item + "]");
  return out;
}

std::vector<std::string> LeafValues::first(std::vector<std::string> v, std::size_t n) {
  if (v.size() > n) v.resize(n);
  return v;
}

std::vector<std::string> LeafValues::numbers() const {
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

std::vector<std::string> LeafValues::scalars(Type::Kind kind) const {
  if (kind == Type::Kind::Hostname && acceptance) {
    // The fresh host first: a record's other fields are tried beside a host it takes.
    std::vector<std::string> out = {json_quote(kFreshHost)};
    for (const std::string& host : host_class_samples()) out.push_back(json_quote(host));
    return out;
  }
  const std::vector<std::string>& all = accepted_strings(kind);
  std::vector<std::string> out(all.begin(),
                               all.begin() + std::min(all.size(), kMaxLiteralsPerLeaf));
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

std::vector<std::string> LeafValues::lists(const Type& element, int depth,
                                           const std::string& path) const {
  std::vector<std::string> items;
  std::vector<std::string> out = single_element_lists(element, depth, path, items);
  if (acceptance) {
    for (const std::string& item : items) out.push_back("[" + item + ", " + item + "]");
  }
  if (is_string_like(element) && compared_lists && compared_lists->count(path)) {
    for (const std::vector<std::string>& list : *literal_lists) {
      if (!std::all_of(list.begin(), list.end(),
                       [&](const std::string& s) { return accepted_as(element.kind, s); }))
        continue;
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

std::vector<std::string> LeafValues::records(const RecordType& record, int depth,
                                             const std::string& path) const {
  if (depth > 3) {
    too_deep = true;
    return {};
  }
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

bool LeafValues::is_read(const std::string& field) const {
  auto at = read_together->lower_bound(field);
  return at != read_together->end() &&
         (*at == field || at->compare(0, field.size() + 1, field + ".") == 0);
}

std::vector<std::string> LeafValues::varied_together(
    const RecordType& record,
    const std::vector<std::pair<std::string, std::vector<std::string>>>& fields,
    const std::vector<std::size_t>& together) const {
  std::size_t count = 1;
  for (std::size_t i : together) {
    count = std::min<std::size_t>(count * std::max<std::size_t>(fields[i].second.size(), 1),
                                  SIZE_MAX / 64);
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

std::string LeafValues::renamed(
    const RecordType& record,
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

void LeafValues::manifest_atoms(const RecordType& record, const std::string& prefix,
                                std::vector<Atom>& out) const {
  if (acceptance) {
    for (const RenamedKeyRule& rule : record.renamed) {
      const FieldType* target = record.find(rule.target);
      if (!target) continue;
      const std::string path = prefix.empty() ? rule.name : prefix + "." + rule.name;
      for (const std::string& v : first(values(*target->type, 0, path), 2))
        out.push_back({path, v, false, {}});
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
    for (const std::string& v : added_alone
                                    ? single_element_lists(*field.type->element, 0, path, items)
                                    : values(*field.type, 0, path)) {
      out.push_back({path, v, false, {}});
    }
    // A path both schemas have counts as added alone only if it is in both.
    const bool first_seen = added_alone_leaves.emplace(path, added_alone).second;
    if (!first_seen) added_alone_leaves[path] = added_alone_leaves[path] && added_alone;
  }
}

bool LeafValues::adds_element_by_element(const FieldType& field, const std::string& path) const {
  if (!tested_paths || field.type->kind != Type::Kind::List || !field.has_default ||
      !field.default_value.items.empty()) {
    return false;
  }
  return std::none_of(tested_paths->begin(), tested_paths->end(), [&](const std::string& read) {
    return path_related(read, path);
  });
}

std::vector<std::string> LeafValues::param_texts(const Type& type, const std::string& path) const {
  std::vector<std::string> out;
  for (const std::string& v : values(type, 0, path)) {
    if (v == "null") continue;
    out.push_back(v.front() == '"' ? Json::parse(v).get<std::string>() : v);
  }
  return out;
}

void LeafValues::param_atoms(const RecordType& params, std::vector<Atom>& out) const {
  for (const FieldType& field : params.fields) {
    const std::string path = "params." + field.name;
    const bool is_list = field.type->kind == Type::Kind::List;
    const std::vector<std::string> texts =
        param_texts(is_list ? *field.type->element : *field.type, path);
    for (const std::string& text : texts) {
      out.push_back({path, json_quote(text), true, {field.name + "=" + text}});
    }
    // A list a condition tests element by element: every pair, given as two --param.
    if (!is_list || !paired_lists || !paired_lists->count(path + "[]")) continue;
    for (std::size_t i = 0; i < texts.size(); ++i) {
      for (std::size_t j = 0; j < texts.size(); ++j) {
        if (i == j) continue;
        out.push_back({path,
                       fmt::format("[{}, {}]", json_quote(texts[i]), json_quote(texts[j])),
                       true,
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
      if (!texts.empty())
        out.push_back(
            {"params." + rule.name, json_quote(texts[0]), true, {rule.name + "=" + texts[0]}});
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

}  // namespace policyc
