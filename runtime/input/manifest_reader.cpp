#include "runtime/input/manifest_reader.hpp"

#include <fmt/format.h>

#include <map>
#include <set>

#include "runtime/input/scalar_convert.hpp"
#include "base/host_class.hpp"
#include "base/value_prefix.hpp"

namespace policyc {

namespace {

std::string child_path(const std::string& path, const std::string& key) {
  return path.empty() ? key : path + "." + key;
}

class ManifestReader {
 public:
  ManifestReader(const SourceManager& sources, DiagnosticSink& diags)
      : sources_(sources), diags_(diags) {}

  Value read(const YamlNode& node, const Type& type, std::string path) {
    Value value = convert(node, type, path);
    value.origins.push_back({"", {}, std::move(path), node.range});
    return value;
  }

  Value read_record(const YamlNode& node, const RecordType& schema, const std::string& path) {
    Value record = Value::of_record();
    if (node.kind != YamlNode::Kind::Mapping && node.kind != YamlNode::Kind::Null) {
      mismatch(node, path.empty() ? "the manifest" : "'" + path + "'", "a mapping (KEY: value)");
      return record;
    }
    std::map<std::string, const YamlNode::Entry*> given;  // field name -> the key giving it
    std::set<std::string> given_invalid, given_twice;
    for (const YamlNode::Entry& entry : node.entries) {
      const FieldType* field = schema.find(entry.key);
      if (!field) {
        const RenamedKeyRule* rename = schema.find_renamed(entry.key);
        if (rename) field = schema.find(rename->target);
      }
      if (!field) {
        report_unknown_key(schema, entry, path);
        continue;
      }
      auto [it, inserted] = given.emplace(field->name, &entry);
      if (inserted) continue;
      report_given_twice(schema, *it->second, entry, path);
      given_twice.insert(field->name);
      if (it->second->key != field->name) it->second = &entry;  // the key as it is called now
    }
    for (const auto& [name, entry] : given) {
      if (entry->key != name && !given_twice.count(name)) {
        report_renamed(*schema.find_renamed(entry->key), *entry, path);
      }
    }
    for (const FieldType& field : schema.fields) {
      auto it = given.find(field.name);
      // A value read through an old key is named as the bottle writes it.
      const std::string field_path =
          child_path(path, it != given.end() ? it->second->key : field.name);
      if (it != given.end() && it->second->value.kind != YamlNode::Kind::Null) {
        const std::size_t errors_before = diags_.error_count();
        record.fields.emplace_back(field.name, read(it->second->value, *field.type, field_path));
        if (diags_.error_count() != errors_before) given_invalid.insert(field.name);
        if (!field.unique_key.empty()) check_unique(record.fields.back().second, field, field_path);
        if (field.hosts.guards()) check_hosts(record.fields.back().second, field);
      } else if (field.has_default) {
        record.fields.emplace_back(field.name, field.default_value);
      } else if (field.type->optional) {
        record.fields.emplace_back(field.name, Value::null());
      } else {
        SourceRange at = it != given.end() ? it->second->key_range : node.range;
        Diagnostic& d = diags_.error(
            "E0312", at,
            it != given.end()
                ? fmt::format("'{}' is empty; it needs {}", field_path, describe_type(*field.type))
                : fmt::format("{} is missing the required key '{}'",
                              path.empty() ? "the manifest" : "'" + path + "'", field.name));
        d.notes.push_back({field.range, fmt::format("'{}' is declared here", field.name)});
        record.fields.emplace_back(field.name, Value::null());
      }
    }
    check_together(schema, record, path, given_invalid, "E0315", diags_);
    return record;
  }

 private:
  Value convert(const YamlNode& node, const Type& type, const std::string& path) {
    switch (type.kind) {
      case Type::Kind::Record:
        return read_record(node, *type.record, path);
      case Type::Kind::List:
        return read_list(node, type, path);
      case Type::Kind::Map:
        return read_map(node, type, path);
      default:
        return read_scalar(node, type, path);
    }
  }

  Value read_list(const YamlNode& node, const Type& type, const std::string& path) {
    Value list = Value::of_list({});
    if (node.kind != YamlNode::Kind::Sequence) {
      mismatch(node, "'" + path + "'", describe_type(type));
      return list;
    }
    list.items.reserve(node.items.size());
    for (std::size_t i = 0; i < node.items.size(); ++i) {
      const YamlNode& item = node.items[i];
      std::string item_path = fmt::format("{}[{}]", path, i);
      // An optional element that is empty is skipped, as the reference skipped it.
      bool empty = item.kind == YamlNode::Kind::Null ||
                   (item.kind == YamlNode::Kind::Scalar && item.scalar.empty());
      if (type.element->optional && empty) continue;
      list.items.push_back(read(item, *type.element, std::move(item_path)));
    }
    if (type.element->kind == Type::Kind::Cidr) check_cidr_union(list.items, path, "E0313", diags_);
    return list;
  }

  Value read_map(const YamlNode& node, const Type& type, const std::string& path) {
    Value map = Value::of_record();
    if (node.kind != YamlNode::Kind::Mapping) {
      mismatch(node, "'" + path + "'", describe_type(type));
      return map;
    }
    for (const YamlNode::Entry& entry : node.entries) {
      map.fields.emplace_back(entry.key,
                              read(entry.value, *type.element, child_path(path, entry.key)));
    }
    return map;
  }

  Value read_scalar(const YamlNode& node, const Type& type, const std::string& path) {
    if (node.kind != YamlNode::Kind::Scalar) {
      if (node.kind == YamlNode::Kind::Null && type.optional) return Value::null();
      mismatch(node, "'" + path + "'", describe_type(type));
      return Value::null();
    }
    InputProblem problem;
    if (auto value = convert_scalar(node.scalar, scalar_style(node), type, problem)) return *value;
    SourceRange at = problem_range(node.range, sources_.text(node.range), node.scalar, problem);
    report_input_problem(diags_, "E0313", at, path, problem);
    return Value::null();
  }

  // A string scalar's source starts with its quote, its block indicator or its tag.
  ScalarStyle scalar_style(const YamlNode& node) const {
    if (!node.quoted) return ScalarStyle::Plain;
    const std::string_view source = sources_.text(node.range);
    const char first = source.empty() ? '\0' : source.front();
    if (first == '"' || first == '\'') return ScalarStyle::Quoted;
    if (first == '|' || first == '>') return ScalarStyle::Block;
    return ScalarStyle::Tagged;
  }

  void mismatch(const YamlNode& node, const std::string& what, const std::string& expected) {
    diags_.error("E0313", node.range,
                 node_kind_mismatch(node, what, expected));
  }

  void report_unknown_key(const RecordType& schema, const YamlNode::Entry& entry,
                          const std::string& path) {
    for (const RemovedKeyRule& removed : schema.removed) {
      if (removed.name != entry.key) continue;
      Diagnostic& d = diags_.error("E0310", entry.key_range, removed.message);
      d.notes.push_back({removed.range, "removed by the policy here"});
      return;
    }
    Diagnostic& d = diags_.error(
        "E0311", entry.key_range,
        path.empty() ? fmt::format("unknown key '{}' in the manifest", value_prefix(entry.key))
                     : fmt::format("unknown key '{}' in '{}'", value_prefix(entry.key), path));
    add_suggestion(d, entry.key, schema.field_names());
    if (d.suggestion.empty()) {
      d.notes.push_back({schema.range, fmt::format("the keys of '{}' are declared here",
                                                   path.empty() ? schema.name : path)});
    }
  }

  // W0330: an old key read as the field it is now, with the rename as a fix that keeps
  // the key's quoting (only the characters of the name are replaced).
  void report_renamed(const RenamedKeyRule& rename, const YamlNode::Entry& entry,
                      const std::string& path) {
    Diagnostic& d = diags_.warning(
        "W0330", entry.key_range,
        fmt::format("'{}' is now called '{}'; rename '{}' to '{}' ('policyc migrate' does it)",
                    child_path(path, entry.key), rename.target, entry.key, rename.target));
    d.notes.push_back({rename.range, "renamed by the policy here"});
    d.suggestion = rename.target;
    const InputProblem whole_key{"", "", 0, entry.key.size()};
    d.fixes.push_back(
        {problem_range(entry.key_range, sources_.text(entry.key_range), entry.key, whole_key),
         rename.target});
  }

  // E0316: one field given twice, under its name and an old one (or two old ones). The
  // error is at an old name, the key to remove, with a note at the other.
  void report_given_twice(const RecordType& schema, const YamlNode::Entry& first,
                          const YamlNode::Entry& second, const std::string& path) {
    const RenamedKeyRule* second_rename = schema.find_renamed(second.key);
    const YamlNode::Entry& old = second_rename ? second : first;
    const YamlNode::Entry& other = second_rename ? first : second;
    const RenamedKeyRule& rename = *schema.find_renamed(old.key);
    Diagnostic& d = diags_.error(
        "E0316", old.key_range,
        fmt::format("'{}' and '{}' are one key ('{}' is the old name of '{}'); give it once, "
                    "as '{}'",
                    child_path(path, old.key), child_path(path, other.key), old.key,
                    rename.target, rename.target));
    d.notes.push_back({other.key_range, fmt::format("'{}' is given here", other.key)});
    d.notes.push_back({rename.range, "renamed by the policy here"});
  }

  void check_unique(const Value& list, const FieldType& field, const std::string& path) {
    std::map<std::string, const Value*> seen;
    for (const Value& item : list.items) {
      const Value* key = item.field(field.unique_key);
      if (!key || key->is_null()) continue;
      auto [it, inserted] = seen.emplace(key->string.str(), key);
      if (inserted) continue;
      const Provenance& here = key->origins.back();
      Diagnostic& d = diags_.error(
          "E0314", here.input_range,
          fmt::format("{} '{}' is already used by {}; each element of '{}' needs its own {}",
                      here.input_path.view(), value_prefix(key->string.view()),
                      it->second->origins.back().input_path.view(), path, field.unique_key));
      d.notes.push_back({it->second->origins.back().input_range, "first used here"});
      d.notes.push_back({field.unique_range, "required unique by the policy here"});
    }
  }

  // The hosts of a field guarded by `hosts(...)`: its value, or the elements of its list
  // or map.
  void check_hosts(const Value& value, const FieldType& field) {
    if (value.kind == Value::Kind::String) return check_host(value, field);
    for (const Value& item : value.items) check_host(item, field);
    for (const auto& entry : value.fields) check_host(entry.second, field);
  }

  // One report per host, for the class whose action is the strictest (the most specific
  // class among equals: metadata before link_local before ip).
  void check_host(const Value& host, const FieldType& field) {
    if (host.kind != Value::Kind::String) return;
    const HostClassification classification = classify_host(host.string.str());
    const HostClass* decided = nullptr;
    HostAction action = HostAction::Allow;
    for (const HostClass& host_class : classification.classes) {
      const HostAction here = field.hosts.actions[static_cast<std::size_t>(host_class)];
      if (here > action) {
        action = here;
        decided = &host_class;
      }
    }
    if (!decided) return;
    const Provenance& at = host.origins.back();
    const std::string message =
        fmt::format("{}: {}", at.input_path.view(),
                    host_class_problem(host.string.str(), *decided, classification));
    Diagnostic& d = action == HostAction::Refuse ? diags_.error("E0318", at.input_range, message)
                                                 : diags_.warning("W0320", at.input_range, message);
    d.notes.push_back({field.hosts.written[static_cast<std::size_t>(*decided)],
                       fmt::format("the policy's hosts() rule for {} hosts", host_class_name(*decided))});
  }

  const SourceManager& sources_;
  DiagnosticSink& diags_;
};

}  // namespace

SourceRange problem_range(const SourceRange& node, std::string_view node_text,
                          const std::string& value, const InputProblem& problem) {
  if (problem.length == 0) return node;
  std::size_t start = node_text == value                     ? 0
                      : node_text.size() == value.size() + 2 ? 1
                                                             : std::string::npos;
  if (start == std::string::npos || node_text.substr(start, value.size()) != value) return node;
  SourceRange range = node;
  range.begin += static_cast<std::uint32_t>(start + problem.offset);
  range.end = range.begin + static_cast<std::uint32_t>(problem.length);
  return range;
}

void report_input_problem(DiagnosticSink& diags, const char* code, const SourceRange& range,
                          const std::string& path, const InputProblem& problem) {
  Diagnostic& d = diags.error(code, range, fmt::format("{}: {}", path, problem.message));
  if (!problem.suggestion.empty()) {
    d.suggestion = problem.suggestion;
    d.message += fmt::format("; did you mean '{}'?", value_prefix(problem.suggestion));
  }
}

void check_cidr_union(const std::vector<Value>& list, const std::string& path, const char* code,
                      DiagnosticSink& diags) {
  std::vector<std::string> cidrs;
  for (const Value& item : list) cidrs.push_back(item.string.str());
  std::string family;
  const std::vector<std::size_t> covering = cidrs_covering_a_family(cidrs, family);
  if (covering.empty()) return;
  auto at = [&](std::size_t i) {
    return list[i].origins.empty() ? SourceRange{} : list[i].origins.back().input_range;
  };
  Diagnostic& d =
      diags.error(code, at(covering.front()),
                  fmt::format("{}: {}", path, covering_cidrs_message(cidrs, covering, family)));
  for (std::size_t n = 1; n < covering.size() && n < 8; ++n) {
    d.notes.push_back({at(covering[n]), "together with this entry"});
  }
}

void check_together(const RecordType& schema, const Value& record, const std::string& path,
                    const std::set<std::string>& given_invalid, const char* code,
                    DiagnosticSink& diags) {
  for (const TogetherRule& rule : schema.together) {
    std::vector<std::string> present, missing;
    const Value* first_present = nullptr;
    bool any_invalid = false;
    for (const std::string& name : rule.names) {
      const Value* value = record.field(name);
      if (given_invalid.count(name)) {
        any_invalid = true;
      } else if (value && !value->is_null()) {
        present.push_back(name);
        if (!first_present) first_present = value;
      } else {
        missing.push_back(name);
      }
    }
    if (any_invalid || present.empty() || missing.empty()) continue;
    const Provenance& where = first_present->origins.back();
    Diagnostic& d = diags.error(
        code, where.input_range,
        fmt::format("'{}' is given without '{}'; give {} or none of them",
                    child_path(path, present.front()), child_path(path, missing.front()),
                    rule.names.size() == 2 ? "both" : "all"));
    d.notes.push_back({rule.range, "required together by the policy here"});
  }
}

Value read_manifest(const YamlNode& root, const RecordType& schema, const SourceManager& sources,
                    DiagnosticSink& diags) {
  ManifestReader reader(sources, diags);
  Value manifest = reader.read_record(root, schema, "");
  manifest.origins.push_back({"", {}, "", root.range});
  return manifest;
}

}  // namespace policyc
