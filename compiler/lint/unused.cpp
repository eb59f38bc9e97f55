// W0601-W0606: declarations nothing uses.
//
// Manifest fields are the vocabulary bottles are validated against, and other tools
// read the same manifest (the launcher reads `env`, git-gate reads `git`). So an unread
// field is reported only where the policy shows it consumes that part of the manifest
// field by field: in a record some expression reads a field of by name. A section (a
// record, a list of records or a map) that nothing looks into is input kept for
// validation and is not reported. A value used as a whole (`routes != []`,
// `present(route.auth)`) counts as reading every field inside it.
#include <fmt/format.h>

#include <map>
#include <set>

#include "compiler/lint/lint.hpp"
#include "compiler/lint/walk.hpp"
#include "compiler/syntax/load.hpp"

namespace policyc {

namespace {

using ast::Expr;

void records_in(const Type& type, std::vector<const RecordType*>& out) {
  if (type.kind == Type::Kind::Record && type.record) out.push_back(type.record);
  if (type.element) records_in(*type.element, out);
}

bool is_section(const Type& type) {
  if (type.kind == Type::Kind::Record || type.kind == Type::Kind::Map) return true;
  return type.kind == Type::Kind::List && type.element->kind == Type::Kind::Record;
}

struct Usage {
  std::vector<bool> constants;
  std::vector<bool> sets;
  std::set<std::pair<const RecordType*, std::string>> fields;  // read by name or as a whole
  std::map<const RecordType*, SourceRange> opened;             // first field read by name
  std::set<const RecordType*> whole;
  std::set<FileId> referenced_files;  // files declaring something used elsewhere

  void read_whole(const RecordType* record) {
    if (!whole.insert(record).second) return;
    for (const FieldType& field : record->fields) {
      fields.emplace(record, field.name);
      std::vector<const RecordType*> inner;
      records_in(*field.type, inner);
      for (const RecordType* r : inner) read_whole(r);
    }
  }
};

void note_reference(Usage& usage, FileId user, SourceRange declared_at) {
  if (declared_at.valid() && declared_at.file != user)
    usage.referenced_files.insert(declared_at.file);
}

void visit_expr(const ir::Program& program, const ExprRoot& root, Usage& usage) {
  const FileId user = root.file->file;
  for_each_node(*root.expr, [&](const Expr& e, const Expr* parent, std::size_t index) {
    if (e.kind == Expr::Kind::Name) {
      if (e.binding == ast::Binding::Constant || e.binding == ast::Binding::Let) {
        usage.constants[e.slot] = true;
        note_reference(usage, user, program.constants[e.slot].decl->name_range);
      } else if (e.binding == ast::Binding::Set) {
        usage.sets[e.slot] = true;
        note_reference(usage, user, program.sets[e.slot].decl->name_range);
      } else if (e.binding == ast::Binding::Manifest && program.manifest) {
        note_reference(usage, user, program.manifest->range);
      } else if (e.binding == ast::Binding::Params && program.params) {
        note_reference(usage, user, program.params->range);
      }
    }
    if (e.kind == Expr::Kind::Member) {
      const TypeRef& object = e.operands[0]->type;
      if (object && object->kind == Type::Kind::Record && object->record) {
        usage.fields.emplace(object->record, e.text);
        usage.opened.emplace(object->record, e.text_range);
      }
    }
    const bool looked_into = parent && ((parent->kind == Expr::Kind::Member && index == 0) ||
                                        (parent->kind == Expr::Kind::Comprehension && index == 1) ||
                                        (parent->kind == Expr::Kind::Quantifier && index == 0));
    // Only values read from the bottle count; `{}` and `[]` defaults read nothing.
    const bool reads = e.kind == Expr::Kind::Name || e.kind == Expr::Kind::Member;
    if (e.type && reads && !looked_into) {
      std::vector<const RecordType*> records;
      records_in(*e.type, records);
      for (const RecordType* r : records) usage.read_whole(r);
    }
  });
}

bool is_root(const ir::Program& program, const RecordType* record) {
  return record == program.manifest || record == program.params;
}

void report_fields(const ir::Program& program, const Usage& usage, DiagnosticSink& diags) {
  for (const auto& record : program.records) {
    const bool params = record.get() == program.params;
    auto opened = usage.opened.find(record.get());
    for (const FieldType& field : record->fields) {
      if (usage.fields.count({record.get(), field.name})) continue;
      if (params) {
        diags.warning("W0603", field.range,
                      fmt::format("parameter '{}' is never read", field.name));
        continue;
      }
      if (opened == usage.opened.end() || is_section(*field.type)) continue;
      Diagnostic& d = diags.warning(
          "W0605", field.range,
          fmt::format("field '{}' of '{}' is never read; a bottle can set it without effect",
                      field.name, record->name));
      d.notes.push_back({opened->second, fmt::format("the policy reads other fields of '{}', "
                                                     "such as here",
                                                     record->name)});
    }
  }
}

// Records reachable from the manifest, the params, constants and sets.
void report_records(const ir::Program& program, DiagnosticSink& diags) {
  std::set<const RecordType*> reached;
  std::vector<const RecordType*> stack;
  if (program.manifest) stack.push_back(program.manifest);
  if (program.params) stack.push_back(program.params);
  for (const ir::Constant& c : program.constants) {
    if (c.type) records_in(*c.type, stack);
  }
  while (!stack.empty()) {
    const RecordType* record = stack.back();
    stack.pop_back();
    if (!reached.insert(record).second) continue;
    for (const FieldType& field : record->fields) records_in(*field.type, stack);
  }
  for (const auto& record : program.records) {
    if (reached.count(record.get()) || is_root(program, record.get())) continue;
    diags.warning("W0606", record->range, fmt::format("record '{}' is never used", record->name));
  }
}

// An import is unused when nothing it brings in (with what it imports) has an effect or
// is used from outside: no rule, output, manifest or params, no declaration named
// elsewhere.
void report_imports(const ir::Program& program, const SourceManager& sources, const Usage& usage,
                    DiagnosticSink& diags) {
  std::map<std::string, const ast::PolicyFile*> by_name;
  for (const ast::PolicyFile& file : program.files) by_name[sources.file(file.file).name()] = &file;
  auto contributes = [&](const ast::PolicyFile& file) {
    return !file.rules.empty() || !file.outputs.empty() || !file.manifests.empty() ||
           !file.params.empty() || usage.referenced_files.count(file.file) > 0;
  };
  for (const ast::PolicyFile& file : program.files) {
    const std::string& importer = sources.file(file.file).name();
    for (const ast::Import& import : file.imports) {
      std::string target = resolve_import(importer, import.path);
      std::vector<std::string> stack{target};
      std::set<std::string> seen;
      bool used = false;
      while (!stack.empty() && !used) {
        std::string name = stack.back();
        stack.pop_back();
        auto it = by_name.find(name);
        if (it == by_name.end() || !seen.insert(name).second) continue;
        used = contributes(*it->second);
        for (const ast::Import& next : it->second->imports) {
          stack.push_back(resolve_import(name, next.path));
        }
      }
      if (used) continue;
      diags.warning("W0604", import.range,
                    fmt::format("nothing from '{}' is used: it declares no rule, output, "
                                "manifest or params, and nothing it declares is used",
                                import.path));
    }
  }
}

}  // namespace

void lint_unused(const ir::Program& program, const SourceManager& sources, DiagnosticSink& diags) {
  Usage usage;
  usage.constants.assign(program.constants.size(), false);
  usage.sets.assign(program.sets.size(), false);
  for_each_root(program, [&](const ExprRoot& root) { visit_expr(program, root, usage); });
  for (const ast::PolicyFile& file : program.files) {
    for (const ast::Rule& rule : file.rules) {
      for (const ast::AddStatement& add : rule.adds) {
        note_reference(usage, file.file, program.sets[add.set_index].decl->name_range);
      }
    }
  }
  // Record types named in another file's types make that file used.
  std::map<std::string, SourceRange> record_at;
  for (const auto& record : program.records) {
    if (!is_root(program, record.get())) record_at[record->name] = record->range;
  }
  std::function<void(const ast::TypeExpr&, FileId)> note_type = [&](const ast::TypeExpr& t,
                                                                    FileId user) {
    if (t.kind == ast::TypeExpr::Kind::Named && record_at.count(t.name)) {
      note_reference(usage, user, record_at[t.name]);
    }
    if (t.element) note_type(*t.element, user);
  };
  for (const ast::PolicyFile& file : program.files) {
    auto body_types = [&](const std::vector<ast::Record>& records) {
      for (const ast::Record& r : records) {
        for (const ast::Field& f : r.body.fields) note_type(f.type, file.file);
      }
    };
    body_types(file.records);
    body_types(file.manifests);
    body_types(file.params);
    for (const ast::Const& c : file.consts) {
      if (c.type) note_type(*c.type, file.file);
    }
    for (const ast::Set& s : file.sets) note_type(s.element, file.file);
  }

  for (std::size_t i = 0; i < program.constants.size(); ++i) {
    if (usage.constants[i]) continue;
    const ast::Const& decl = *program.constants[i].decl;
    diags.warning("W0601", decl.name_range,
                  fmt::format("{} '{}' is never used", decl.reads_bottle ? "let" : "constant",
                              decl.name));
  }
  for (std::size_t i = 0; i < program.sets.size(); ++i) {
    if (usage.sets[i]) continue;
    const ast::Set& decl = *program.sets[i].decl;
    diags.warning("W0602", decl.name_range,
                  fmt::format("set '{}' is never read: no output uses it", decl.name));
  }
  report_fields(program, usage, diags);
  report_records(program, diags);
  report_imports(program, sources, usage, diags);
}

}  // namespace policyc
