// The declarations of a policy and every place their names are written, across the
// files it imports and the policies of its folder that import it: what go to
// definition, find references, hover, rename and document symbols answer from.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "base/source.hpp"
#include "lsp/documents.hpp"

namespace policyc::lsp {

enum class DeclarationKind { Const, Let, Record, Manifest, Params, Set, Rule, Output };

struct Declaration {
  DeclarationKind kind;
  std::string name;
  SourceRange name_range;
  std::string detail;  // the written type, when there is one
};

/// A variable bound by a comprehension or a quantifier (`for x in`, `any(x in ...)`):
/// its scope is the element, filter or predicate, and it hides a declaration's name there.
struct Local {
  std::string name;
  SourceRange range;  // the binding site
};

/// A name written where a declaration is used (an expression, a type, a `+=` target),
/// or an `import` string and the file it names.
struct NameUse {
  std::string name;
  SourceRange range;
  int local = -1;  // the index of the Local it reads, or -1 for a declaration's name
};

/// What a name at a place refers to: a declaration by its name (declarations are
/// file-global, imports included), or one local variable.
struct Symbol {
  std::string name;
  int local = -1;
};

struct ImportUse {
  std::string path;  // the imported file, as the loader names it
  SourceRange range;
};

/// The names of every policy loaded with the document, parsed from the open documents
/// first, then the disk. Each file once.
struct NameIndex {
  SourceManager sources;
  std::vector<Declaration> declarations;
  std::vector<NameUse> uses;
  std::vector<Local> locals;
  std::vector<ImportUse> imports;

  /// What the name written at byte `offset` of `path` (a binding's, a declaration's or
  /// a use's) refers to, if a name is there.
  std::optional<Symbol> symbol_at(const std::string& path, std::uint32_t offset) const;
  const ImportUse* import_at(const std::string& path, std::uint32_t offset) const;
  std::vector<const Declaration*> declarations_of(const std::string& name) const;
  /// Where the symbol is bound: its declarations, or the local's binding site.
  std::vector<SourceRange> definitions_of(const Symbol& symbol) const;
  /// Every range where the symbol is written: definitions first, then uses, in file order.
  std::vector<SourceRange> occurrences_of(const Symbol& symbol) const;
  const std::string& path_of(const SourceRange& range) const;
  /// The comment above the declaration, which documents it.
  std::string comment_of(const Declaration& declaration) const;
};

NameIndex index_names(const Document& document, const Documents& documents);

/// "const", "record", ...: how the declaration is written.
const char* keyword_of(DeclarationKind kind);

}  // namespace policyc::lsp
