// What the formatter prints, in source order: every declaration, member, statement,
// output item and broken list element as a slot, with the comments around it attached
// by position (the parser drops comments, so they are re-scanned and placed here).
#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "ir/ast.hpp"
#include "compiler/syntax/parse_tree_to_ast.hpp"

namespace policyc {

struct CommentLine {
  std::string text;
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  bool moved = false;         // written inside its slot; printed above it
  bool blank_before = false;  // an empty line precedes it
};

struct Container;

struct Slot {
  // Declarations; record members; rule statements; output keys and sections; the
  // elements of a list, and the fields of a record literal, printed one per line.
  enum class Kind {
    Import,
    Const,
    Record,
    Manifest,
    Params,
    Set,
    Rule,
    Output,
    Field,
    Removed,
    Renamed,
    Together,
    Add,
    OutputItem,
    Element,
    RecordField
  };
  Kind kind = Kind::Element;
  std::uint32_t begin = 0;
  std::uint32_t end = 0;  // trailing trivia excluded
  bool blank_before = false;
  std::vector<CommentLine> leading;
  std::string trailing;            // the comment on its last line
  std::vector<Container*> nested;  // its block and its broken lists, in source order
  Container* block = nullptr;      // `{ ... }` of a declaration or output section

  const void* node = nullptr;  // the AST node, by kind (ast::Const, ast::Field, ...)
  std::string raw;             // Removed: the message literal as written; RecordField: the name
};

/// A block `{ ... }`, a list or record literal printed one element per line, or the file.
struct Container {
  std::uint32_t open = 0;   // '{' or '['; unused for the file
  std::uint32_t close = 0;  // '}' or ']'
  std::vector<Slot> slots;
  std::string header_trailing;        // the comment after the opening bracket
  std::vector<CommentLine> dangling;  // comments after the last slot
};

struct Layout {
  ast::PolicyFile file;
  Container top;
  std::map<const ast::Expr*, Container*> broken_lists;  // and record literals
  std::vector<std::unique_ptr<Container>> storage;
};

/// The layout of `text`, which must parse without errors.
std::unique_ptr<Layout> build_layout(FileId file, const std::string& text);

}  // namespace policyc
