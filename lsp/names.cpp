#include "lsp/names.hpp"

#include <algorithm>
#include <set>

#include "compiler/syntax/comments.hpp"
#include "compiler/syntax/load.hpp"
#include "compiler/syntax/parse.hpp"
#include "lsp/policy_diagnostics.hpp"

namespace policyc::lsp {

namespace {

bool contains(const SourceRange& range, FileId file, std::uint32_t offset) {
  // The end is included: a cursor just after a name is still on it.
  return range.valid() && range.file == file && range.begin <= offset && offset <= range.end;
}

// Walks one file's AST, adding its declarations and the names it writes.
class Collector {
 public:
  explicit Collector(NameIndex& index) : index_(index) {}

  void file(const ast::PolicyFile& policy) {
    for (const ast::Import& import : policy.imports) {
      const std::string& importer = index_.sources.file(policy.file).name();
      index_.imports.push_back({resolve_import(importer, import.path), import.range});
    }
    for (const ast::Const& c : policy.consts) {
      declare(c.reads_bottle ? DeclarationKind::Let : DeclarationKind::Const, c.name,
              c.name_range, c.type ? &*c.type : nullptr);
      if (c.type) type(*c.type);
      expr(c.value.get());
    }
    for (const ast::Record& r : policy.records) record(DeclarationKind::Record, r);
    for (const ast::Record& r : policy.manifests) record(DeclarationKind::Manifest, r);
    for (const ast::Record& r : policy.params) record(DeclarationKind::Params, r);
    for (const ast::Set& s : policy.sets) {
      declare(DeclarationKind::Set, s.name, s.name_range, &s.element);
      type(s.element);
    }
    for (const ast::Rule& r : policy.rules) {
      declare(DeclarationKind::Rule, r.name, r.name_range, nullptr);
      expr(r.condition.get());
      for (const ast::AddStatement& add : r.adds) {
        use(add.target, add.target_range);
        expr(add.value.get());
      }
    }
    for (const ast::Output& o : policy.outputs) {
      declare(DeclarationKind::Output, o.name, o.name_range, nullptr);
      for (const ast::OutputItem& item : o.items) output_item(item);
    }
  }

 private:
  void declare(DeclarationKind kind, const std::string& name, SourceRange range,
               const ast::TypeExpr* written) {
    std::string detail = written ? std::string(index_.sources.text(written->range)) : "";
    index_.declarations.push_back({kind, name, range, std::move(detail)});
  }
  void use(const std::string& name, SourceRange range) {
    if (name.empty() || !range.valid()) return;
    // The innermost binding of the name wins, as in the checker.
    int local = -1;
    for (auto it = scope_.rbegin(); it != scope_.rend(); ++it) {
      if (index_.locals[*it].name == name) {
        local = *it;
        break;
      }
    }
    index_.uses.push_back({name, range, local});
  }
  void bind(const std::string& name, SourceRange range) {
    if (name.empty()) return;
    scope_.push_back(static_cast<int>(index_.locals.size()));
    index_.locals.push_back({name, range});
  }
  void record(DeclarationKind kind, const ast::Record& r) {
    declare(kind, r.name, r.name_range, nullptr);
    for (const ast::Field& field : r.body.fields) {
      type(field.type);
      expr(field.default_value.get());
    }
  }
  void type(const ast::TypeExpr& t) {
    if (t.kind == ast::TypeExpr::Kind::Named) {
      // The range may take in a trailing '?'; the name is its start.
      SourceRange name = t.range;
      name.end = std::min<std::uint32_t>(name.end, name.begin + t.name.size());
      use(t.name, name);
    }
    if (t.element) type(*t.element);
  }
  void expr(const ast::Expr* e) {
    if (!e) return;
    if (e->kind == ast::Expr::Kind::Name) use(e->text, e->text_range);
    const bool binds = e->kind == ast::Expr::Kind::Comprehension ||
                       e->kind == ast::Expr::Kind::Quantifier;
    if (!binds) {
      for (const auto& operand : e->operands) expr(operand.get());
      return;
    }
    // The source is read outside the variables' scope; the rest inside it.
    const std::size_t source = e->kind == ast::Expr::Kind::Comprehension ? 1 : 0;
    if (source < e->operands.size()) expr(e->operands[source].get());
    const std::size_t outer = scope_.size();
    bind(e->key_name, e->key_range);
    bind(e->text, e->text_range);
    for (std::size_t i = 0; i < e->operands.size(); ++i) {
      if (i != source) expr(e->operands[i].get());
    }
    scope_.resize(outer);
  }
  void output_item(const ast::OutputItem& item) {
    expr(item.condition.get());
    expr(item.value.get());
    for (const ast::OutputItem& child : item.children) output_item(child);
  }

  NameIndex& index_;
  std::vector<int> scope_;  // the locals in scope, innermost last
};

}  // namespace

const char* keyword_of(DeclarationKind kind) {
  switch (kind) {
    case DeclarationKind::Const: return "const";
    case DeclarationKind::Let: return "let";
    case DeclarationKind::Record: return "record";
    case DeclarationKind::Manifest: return "manifest";
    case DeclarationKind::Params: return "params";
    case DeclarationKind::Set: return "set";
    case DeclarationKind::Rule: return "rule";
    case DeclarationKind::Output: return "output";
  }
  return "";
}

NameIndex index_names(const Document& document, const Documents& documents) {
  NameIndex index;
  const OverlaySource source(documents);
  std::set<std::string> seen;
  Collector collector(index);
  for (const std::string& entry : entries_loading(document, documents, source)) {
    // Each entry is loaded into a scratch manager; a file already indexed from another
    // entry is skipped, so each range is counted once.
    SourceManager scratch_sources;
    DiagnosticSink scratch;
    std::vector<ast::PolicyFile> files = load_policies(entry, source, scratch_sources, scratch);
    for (ast::PolicyFile& file : files) {
      const std::string& name = scratch_sources.file(file.file).name();
      if (!seen.insert(name).second) continue;
      // Reparse into the index's own manager, so every range names one of its files.
      std::string error;
      const std::optional<std::string> text = source.read(name, error);
      if (!text) continue;
      ast::PolicyFile own = parse_policy(index.sources, index.sources.add(name, *text), scratch);
      collector.file(own);
    }
  }
  return index;
}

std::optional<Symbol> NameIndex::symbol_at(const std::string& path, std::uint32_t offset) const {
  auto at = [&](const SourceRange& range) {
    return path_of(range) == path && contains(range, range.file, offset);
  };
  for (std::size_t i = 0; i < locals.size(); ++i) {
    if (at(locals[i].range)) return Symbol{locals[i].name, static_cast<int>(i)};
  }
  for (const Declaration& d : declarations) {
    if (at(d.name_range)) return Symbol{d.name, -1};
  }
  for (const NameUse& u : uses) {
    if (at(u.range)) return Symbol{u.name, u.local};
  }
  return std::nullopt;
}

const ImportUse* NameIndex::import_at(const std::string& path, std::uint32_t offset) const {
  for (const ImportUse& i : imports) {
    if (path_of(i.range) == path && contains(i.range, i.range.file, offset)) return &i;
  }
  return nullptr;
}

std::vector<const Declaration*> NameIndex::declarations_of(const std::string& name) const {
  std::vector<const Declaration*> found;
  for (const Declaration& d : declarations) {
    if (d.name == name) found.push_back(&d);
  }
  return found;
}

std::vector<SourceRange> NameIndex::definitions_of(const Symbol& symbol) const {
  if (symbol.local >= 0) return {locals[symbol.local].range};
  std::vector<SourceRange> found;
  for (const Declaration* d : declarations_of(symbol.name)) found.push_back(d->name_range);
  return found;
}

std::vector<SourceRange> NameIndex::occurrences_of(const Symbol& symbol) const {
  std::vector<SourceRange> found = definitions_of(symbol);
  for (const NameUse& u : uses) {
    if (u.name == symbol.name && u.local == symbol.local) found.push_back(u.range);
  }
  return found;
}

std::string NameIndex::comment_of(const Declaration& declaration) const {
  return comment_above(sources.file(declaration.name_range.file).text(),
                       declaration.name_range.begin);
}

const std::string& NameIndex::path_of(const SourceRange& range) const {
  return sources.file(range.file).name();
}

}  // namespace policyc::lsp
