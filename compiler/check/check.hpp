// Semantic checks, run in order over the loaded files; each pass reports to the sink
// and goes on, so one run shows every error.
#pragma once
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "base/diagnostic.hpp"
#include "ir/program.hpp"

namespace policyc {

struct CheckContext {
  const SourceManager& sources;
  DiagnosticSink& diags;
  ir::Program& program;
  std::map<std::string, const RecordType*> records;
  std::map<std::string, std::size_t> constants;  // name -> index in program.constants
  std::map<std::string, std::size_t> sets;       // name -> index in program.sets
  std::size_t constant_depth = 0;  // constants being checked inside one another
};

/// Names and kinds of every declaration: duplicates, record types, the manifest root,
/// the params block, the output.
void check_declarations(CheckContext& context);

/// Resolves every name in every expression and types it; literals are checked against
/// the type they are used as (a hostname literal must be a valid hostname).
void check_expressions(CheckContext& context);

/// The output block against the target's schema: known keys, sections, value types.
void check_output(CheckContext& context);

/// Evaluates constants and field defaults into values.
void lower_program(CheckContext& context);

/// All of the above; nullptr when any error was reported.
std::unique_ptr<ir::Program> check_program(std::vector<ast::PolicyFile> files,
                                           const SourceManager& sources, DiagnosticSink& diags);

}  // namespace policyc
