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

/// A name written where a declaration is used (an expression, a type, a `+=` target),
/// or an `import` string and the file it names.
struct NameUse {
  std::string name;
  SourceRange range;
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
  std::vector<ImportUse> imports;

  /// The name written at byte `offset` of `path` (a declaration's or a use's), if any.
  std::optional<std::string> name_at(const std::string& path, std::uint32_t offset) const;
  const ImportUse* import_at(const std::string& path, std::uint32_t offset) const;
  std::vector<const Declaration*> declarations_of(const std::string& name) const;
  /// Every range where `name` is written: declarations first, then uses, in file order.
  std::vector<SourceRange> occurrences_of(const std::string& name) const;
  const std::string& path_of(const SourceRange& range) const;
};

NameIndex index_names(const Document& document, const Documents& documents);

/// "const", "record", ...: how the declaration is written.
const char* keyword_of(DeclarationKind kind);

}  // namespace policyc::lsp
