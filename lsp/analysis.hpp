// A policy checked for the requests that need types and values (completion after a
// '.', hover). The checker's passes run even when one reports an error, and on the
// declarations that parsed when others did not, since most expressions are still
// typed; values exist only without errors.
#pragma once
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "base/diagnostic.hpp"
#include "ir/program.hpp"
#include "lsp/documents.hpp"
#include "pipelock/schema/output_schema.hpp"

namespace policyc::lsp {

struct Analysis {
  SourceManager sources;
  DiagnosticSink diags;
  ir::Program program;
  FileId file = kNoFile;  // the document's
  bool lowered = false;   // no error: constants and field defaults have their values
};

/// The first entry loading `document`, checked with `text` read as the document's own
/// (a repaired copy, for completion) when given. A declaration with a syntax error is
/// left out, as the parser leaves it out.
std::unique_ptr<Analysis> analyze(const Document& document, const Documents& documents,
                                  const std::string* text = nullptr);

/// Every expression of the document's file, parents before their operands.
void for_each_expr(const Analysis& analysis, const std::function<void(const ast::Expr&)>& visit);

/// The ast::PolicyFile of the document, or nullptr.
const ast::PolicyFile* document_file(const Analysis& analysis);

/// The record type a type is, looking through `T?`; nullptr for any other type.
const RecordType* record_of(const TypeRef& type);
/// A pipelock output field's type as the server shows it: the schema's name, with an
/// enum's values (`enum("block", "warn")`, as a policy writes an enum type).
std::string output_type_name(const TargetField& field);

/// The type of a value of `record`.
TypeRef record_type(const RecordType& record);

}  // namespace policyc::lsp
