// Pass 1: declarations. Builds the record types and the global name tables.
#include <map>
#include <optional>
#include <set>

#include <fmt/format.h>

#include "compiler/check/check.hpp"
#include "compiler/check/type_resolution.hpp"

namespace policyc {

namespace {

struct FirstDefinition {
  std::string kind;
  SourceRange range;
};

// Names share one namespace per kind; a second definition points at the first.
class NameTable {
 public:
  explicit NameTable(DiagnosticSink& diags) : diags_(diags) {}
  bool define(const std::string& name, SourceRange range, const std::string& kind) {
    auto [it, inserted] = names_.emplace(name, FirstDefinition{kind, range});
    if (inserted) return true;
    if (!it->second.range.valid()) {
      diags_.error("E0201", range,
                   fmt::format("'{}' is the name of a {}; choose another name", name, it->second.kind));
      return false;
    }
    Diagnostic& d = diags_.error("E0201", range, fmt::format("{} '{}' is already defined", kind, name));
    d.notes.push_back({it->second.range, fmt::format("'{}' was first defined here as a {}", name, it->second.kind)});
    return false;
  }

 private:
  DiagnosticSink& diags_;
  std::map<std::string, FirstDefinition> names_;
};

// Whether a value of `type` is a hostname or holds them directly (a list or map of them).
bool holds_hostnames(const Type& type) {
  const Type& inner = type.kind == Type::Kind::List || type.kind == Type::Kind::Map ? *type.element : type;
  return inner.kind == Type::Kind::Hostname || inner.kind == Type::Kind::Error;
}

std::optional<HostAction> host_action_named(const std::string& name) {
  if (name == "refuse") return HostAction::Refuse;
  if (name == "warn") return HostAction::Warn;
  if (name == "allow") return HostAction::Allow;
  return std::nullopt;
}

// A field's `hosts(class: action, ...)`: known classes and actions, each class once, on a
// field that holds hostnames; `others` sets every class not named.
HostRules host_rules(CheckContext& context, const ast::Field& field, const Type& type) {
  HostRules rules;
  if (field.host_rules.empty()) return rules;
  if (!holds_hostnames(type)) {
    context.diags.error("E0223", field.hosts_range,
                        fmt::format("hosts() applies to hostnames; '{}' is {}", field.name,
                                    type_name(type)));
    return rules;
  }
  std::vector<std::string> classes = host_class_names();
  classes.emplace_back("others");
  std::map<std::string, SourceRange> named;
  std::optional<std::pair<HostAction, SourceRange>> others;
  for (const ast::HostRule& rule : field.host_rules) {
    const std::optional<HostAction> action = host_action_named(rule.action);
    if (!action) {
      Diagnostic& d = context.diags.error(
          "E0223", rule.action_range,
          fmt::format("unknown action '{}'; a host class is refused, warned about or allowed",
                      rule.action));
      add_suggestion(d, rule.action, {"refuse", "warn", "allow"});
    }
    auto [first, inserted] = named.emplace(rule.host_class, rule.class_range);
    if (!inserted) {
      Diagnostic& d = context.diags.error(
          "E0223", rule.class_range, fmt::format("'{}' is named twice in hosts()", rule.host_class));
      d.notes.push_back({first->second, "first named here"});
      continue;
    }
    const std::optional<HostClass> host_class = host_class_named(rule.host_class);
    if (!host_class && rule.host_class != "others") {
      Diagnostic& d = context.diags.error(
          "E0223", rule.class_range, fmt::format("unknown host class '{}'", rule.host_class));
      add_suggestion(d, rule.host_class, classes);
      if (d.suggestion.empty()) {
        d.notes.push_back({{}, fmt::format("the classes are {}", fmt::join(classes, ", "))});
      }
      continue;
    }
    if (!action) continue;
    if (!host_class) {
      others = std::make_pair(*action, rule.class_range);
      continue;
    }
    rules.actions[static_cast<std::size_t>(*host_class)] = *action;
    rules.written[static_cast<std::size_t>(*host_class)] = rule.class_range;
  }
  for (std::size_t i = 0; others && i < kHostClassCount; ++i) {
    if (rules.written[i].valid()) continue;
    rules.actions[i] = others->first;
    rules.written[i] = others->second;
  }
  return rules;
}

enum class MemberKind { Field, Removed, Renamed };

struct Member {
  SourceRange range;
  MemberKind kind;
};

// A name a record declares twice. A renamed key is the name a field had before, so it
// cannot also be a field, a removed key or another rename.
void report_second_member(CheckContext& context, const RecordType& record, const std::string& name,
                          SourceRange range, MemberKind kind, const Member& first) {
  if (kind != MemberKind::Renamed) {
    Diagnostic& d = context.diags.error(
        "E0201", range, fmt::format("'{}' is already a field of '{}'", name, record.name));
    d.notes.push_back({first.range, "first defined here"});
    return;
  }
  std::string message, note;
  switch (first.kind) {
    case MemberKind::Field:
      message = fmt::format("'{}' is a field of '{}'; a renamed key is a name no field has any more",
                            name, record.name);
      note = "the field is declared here";
      break;
    case MemberKind::Removed:
      message = fmt::format("'{}' is removed from '{}'; a key is either removed or renamed", name,
                            record.name);
      note = "removed here";
      break;
    case MemberKind::Renamed:
      message = fmt::format("'{}' is already renamed in '{}'", name, record.name);
      note = "first renamed here";
      break;
  }
  Diagnostic& d = context.diags.error("E0201", range, std::move(message));
  d.notes.push_back({first.range, std::move(note)});
}

// `renamed OLD -> NEW`: NEW must be a field of the record. Renames do not chain (a
// bottle's key is read as a field in one step), so NEW naming another renamed key is
// E0215, with the rename it leads to as a note.
void build_renamed(CheckContext& context, const ast::RecordBody& body,
                   const std::map<std::string, const ast::RenamedKey*>& renamed,
                   RecordType& record) {
  for (const ast::RenamedKey& rename : body.renamed) {
    auto self = renamed.find(rename.name);
    if (self == renamed.end() || self->second != &rename) continue;  // defined twice
    if (record.find(rename.target)) {
      record.renamed.push_back({rename.name, rename.range, rename.target, rename.target_range});
      continue;
    }
    auto next = renamed.find(rename.target);
    if (next == renamed.end()) {
      Diagnostic& d = context.diags.error(
          "E0202", rename.target_range,
          fmt::format("'{}' has no field '{}' to rename '{}' to", record.name, rename.target,
                      rename.name));
      add_suggestion(d, rename.target, record.field_names());
      continue;
    }
    const ast::RenamedKey& then = *next->second;
    std::string message;
    if (&then == &rename) {
      message = fmt::format("'{}' is renamed to itself; name the field it is now", rename.name);
    } else if (then.target == rename.name) {
      message = fmt::format("'{}' and '{}' are renamed to each other; name the field both are now",
                            rename.name, then.name);
    } else if (record.find(then.target)) {
      message = fmt::format("'{}' is itself renamed, to '{}'; renames do not chain: write "
                            "'renamed {} -> {}'",
                            rename.target, then.target, rename.name, then.target);
    } else {
      message = fmt::format("'{}' is itself renamed, to '{}'; a renamed key names a field of '{}'",
                            rename.target, then.target, record.name);
    }
    Diagnostic& d = context.diags.error("E0215", rename.target_range, message);
    if (&then != &rename) d.notes.push_back({then.range, fmt::format("'{}' is renamed here", then.name)});
  }
}

void build_record(CheckContext& context, ast::Record& decl, RecordType& record) {
  std::map<std::string, Member> members;
  auto define_member = [&](const std::string& name, SourceRange range, MemberKind kind) {
    auto [it, inserted] = members.emplace(name, Member{range, kind});
    if (!inserted) report_second_member(context, record, name, range, kind, it->second);
    return inserted;
  };
  for (ast::Field& field : decl.body.fields) {
    if (!define_member(field.name, field.name_range, MemberKind::Field)) continue;
    FieldType type;
    type.name = field.name;
    type.range = field.name_range;
    type.type = resolve_type(context, field.type);
    type.has_default = field.default_value != nullptr;
    type.default_expr = field.default_value.get();
    type.unique_key = field.unique_key;
    type.unique_range = field.unique_range;
    type.hosts = host_rules(context, field, *type.type);
    record.fields.push_back(std::move(type));
  }
  for (const ast::RemovedKey& removed : decl.body.removed) {
    if (define_member(removed.name, removed.range, MemberKind::Removed)) {
      record.removed.push_back({removed.name, removed.range, removed.message});
    }
  }
  std::map<std::string, const ast::RenamedKey*> renamed;
  for (const ast::RenamedKey& rename : decl.body.renamed) {
    if (define_member(rename.name, rename.range, MemberKind::Renamed)) {
      renamed.emplace(rename.name, &rename);
    }
  }
  build_renamed(context, decl.body, renamed, record);
  for (const ast::Together& together : decl.body.together) {
    TogetherRule rule{{}, together.range};
    for (std::size_t i = 0; i < together.names.size(); ++i) {
      const FieldType* field = record.find(together.names[i]);
      if (!field) {
        Diagnostic& d = context.diags.error(
            "E0202", together.ranges[i],
            fmt::format("'{}' has no field '{}'", record.name, together.names[i]));
        add_suggestion(d, together.names[i], record.field_names());
        continue;
      }
      if (!field->type->optional || field->has_default) {
        Diagnostic& d = context.diags.error(
            "E0204", together.ranges[i],
            fmt::format("together() needs optional fields without a default; '{}' is {}",
                        field->name, field->has_default ? "defaulted" : "required"));
        d.notes.push_back({field->range, fmt::format("declare it as '{}: {}?'", field->name,
                                                     type_name(*with_optional(field->type, false)))});
        continue;
      }
      rule.names.push_back(together.names[i]);
    }
    record.together.push_back(std::move(rule));
  }
}

// The records a record holds directly: through required record fields.
std::vector<std::pair<const FieldType*, const RecordType*>> held_records(const RecordType& record) {
  std::vector<std::pair<const FieldType*, const RecordType*>> held;
  for (const FieldType& field : record.fields) {
    if (field.type->kind == Type::Kind::Record && !field.type->optional && field.type->record) {
      held.emplace_back(&field, field.type->record);
    }
  }
  return held;
}

// A record may reach itself only through an optional field, a list or a map. A field
// closes such a loop when it leads back into its own strongly connected component
// (Tarjan's algorithm, without recursion: a policy may chain thousands of records).
void check_record_cycles(CheckContext& context) {
  std::map<const RecordType*, std::size_t> index, low, component;
  std::vector<const RecordType*> open;
  std::set<const RecordType*> on_open;
  std::size_t next_index = 0, components = 0;
  std::map<const RecordType*, std::vector<std::pair<const FieldType*, const RecordType*>>> holds;
  for (const auto& record : context.program.records) holds[record.get()] = held_records(*record);
  for (const auto& root : context.program.records) {
    if (index.count(root.get())) continue;
    std::vector<std::pair<const RecordType*, std::size_t>> stack{{root.get(), 0}};
    index[root.get()] = low[root.get()] = next_index++;
    open.push_back(root.get());
    on_open.insert(root.get());
    while (!stack.empty()) {
      const RecordType* record = stack.back().first;
      const auto& held = holds[record];
      if (stack.back().second < held.size()) {
        const RecordType* target = held[stack.back().second++].second;
        if (!index.count(target)) {
          index[target] = low[target] = next_index++;
          open.push_back(target);
          on_open.insert(target);
          stack.emplace_back(target, 0);
        } else if (on_open.count(target)) {
          low[record] = std::min(low[record], index[target]);
        }
        continue;
      }
      stack.pop_back();
      if (!stack.empty()) low[stack.back().first] = std::min(low[stack.back().first], low[record]);
      if (low[record] != index[record]) continue;
      const RecordType* member = nullptr;
      do {
        member = open.back();
        open.pop_back();
        on_open.erase(member);
        component[member] = components;
      } while (member != record);
      ++components;
    }
  }
  for (const auto& record : context.program.records) {
    for (const auto& [field, target] : holds[record.get()]) {
      if (component[target] != component[record.get()]) continue;
      context.diags.error("E0205", field->range,
                          fmt::format("record '{}' contains itself through '{}.{}'; make "
                                      "the field optional",
                                      target->name, record->name, field->name));
    }
  }
}

void check_unique_keys(CheckContext& context) {
  for (const auto& record : context.program.records) {
    for (const FieldType& field : record->fields) {
      if (field.unique_key.empty()) continue;
      const Type& type = *field.type;
      if (type.kind != Type::Kind::List || type.element->kind != Type::Kind::Record) {
        context.diags.error("E0206", field.unique_range,
                            fmt::format("unique({}) needs a list of records; '{}' is {}",
                                        field.unique_key, field.name, type_name(type)));
        continue;
      }
      const RecordType& element = *type.element->record;
      const FieldType* key = element.find(field.unique_key);
      if (!key) {
        Diagnostic& d = context.diags.error(
            "E0202", field.unique_range,
            fmt::format("'{}' has no field '{}'", element.name, field.unique_key));
        add_suggestion(d, field.unique_key, element.field_names());
      } else if (!is_string_like(*key->type)) {
        context.diags.error("E0206", field.unique_range,
                            fmt::format("unique({}) needs a string field; '{}.{}' is {}",
                                        field.unique_key, element.name, key->name,
                                        type_name(*key->type)));
      }
    }
  }
}

template <typename Decl>
std::vector<Decl*> collect(std::vector<ast::PolicyFile>& files,
                           std::vector<Decl> ast::PolicyFile::*member) {
  std::vector<Decl*> out;
  for (ast::PolicyFile& file : files) {
    for (Decl& decl : file.*member) out.push_back(&decl);
  }
  return out;
}

}  // namespace

void check_declarations(CheckContext& context) {
  ir::Program& program = context.program;
  NameTable values(context.diags);
  NameTable types(context.diags);
  NameTable rules(context.diags);
  for (const char* builtin : kBuiltinTypeNames) types.define(builtin, {}, "built-in type");

  auto records = collect(program.files, &ast::PolicyFile::records);
  auto manifests = collect(program.files, &ast::PolicyFile::manifests);
  auto params = collect(program.files, &ast::PolicyFile::params);
  std::vector<std::pair<ast::Record*, RecordType*>> to_build;
  for (ast::Record* decl : records) {
    if (!types.define(decl->name, decl->name_range, "record")) continue;
    program.records.push_back(std::make_unique<RecordType>());
    program.records.back()->name = decl->name;
    program.records.back()->range = decl->name_range;
    context.records[decl->name] = program.records.back().get();
    to_build.emplace_back(decl, program.records.back().get());
  }
  for (auto& [decl, record] : to_build) build_record(context, *decl, *record);

  auto add_root = [&](ast::Record* decl, const char* kind) {
    program.records.push_back(std::make_unique<RecordType>());
    RecordType* root = program.records.back().get();
    root->name = decl->name;
    root->range = decl->name_range;
    build_record(context, *decl, *root);
    values.define(decl->name, decl->name_range, kind);
    return root;
  };
  for (ast::Record* decl : manifests) {
    if (program.manifest) {
      Diagnostic& d = context.diags.error("E0201", decl->name_range,
                                          "a policy has one manifest declaration");
      d.notes.push_back({program.manifest->range, "the manifest is declared here"});
      continue;
    }
    program.manifest = add_root(decl, "manifest");
    program.manifest_name = decl->name;
  }
  for (ast::Record* decl : params) {
    if (program.params) {
      Diagnostic& d = context.diags.error("E0201", decl->name_range,
                                          "a policy has one params block");
      d.notes.push_back({program.params->range, "the params block is declared here"});
      continue;
    }
    program.params = add_root(decl, "params block");
  }
  if (!program.params) {
    program.records.push_back(std::make_unique<RecordType>());
    program.records.back()->name = "params";
    program.params = program.records.back().get();
  }
  check_record_cycles(context);
  check_unique_keys(context);

  for (ast::Const* decl : collect(program.files, &ast::PolicyFile::consts)) {
    if (!values.define(decl->name, decl->name_range, decl->reads_bottle ? "let" : "constant")) continue;
    context.constants[decl->name] = program.constants.size();
    program.constants.push_back({decl, nullptr, {}});
  }
  for (ast::Set* decl : collect(program.files, &ast::PolicyFile::sets)) {
    if (!values.define(decl->name, decl->name_range, "set")) continue;
    TypeRef element = resolve_type(context, decl->element);
    if (element->kind != Type::Kind::Error && (!is_string_like(*element) || element->optional)) {
      context.diags.error("E0206", decl->element.range,
                          fmt::format("a set holds strings (hostname, cidr, path, string or "
                                      "enum), not {}", type_name(*element)));
    }
    context.sets[decl->name] = program.sets.size();
    program.sets.push_back({decl, element});
  }
  for (ast::Rule* rule : collect(program.files, &ast::PolicyFile::rules)) {
    if (rules.define(rule->name, rule->name_range, "rule")) program.rules.push_back(rule);
  }
  for (ast::Output* output : collect(program.files, &ast::PolicyFile::outputs)) {
    if (program.output) {
      Diagnostic& d = context.diags.error("E0201", output->name_range,
                                          "a policy has one output declaration");
      d.notes.push_back({program.output->name_range, "the output is declared here"});
      continue;
    }
    program.output = output;
  }
  const SourceRange entry{program.files.empty() ? kNoFile : program.files.front().file, 0, 1};
  if (!program.manifest) {
    context.diags.error("E0207", entry,
                        "the policy declares no manifest; add 'manifest bottle { ... }' or "
                        "import the file that declares it");
  }
  if (!program.output) {
    context.diags.error("E0207", entry,
                        "the policy declares no output; add 'output pipelock { ... }' or "
                        "import the file that declares it");
  }
}

}  // namespace policyc
