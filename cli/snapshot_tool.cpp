// Build step: parses the embedded shipped policies and writes their AST snapshot
// (compiler/syntax/ast_snapshot.hpp) to the path given; cmake/embed_bytes.cmake compiles it in.
#include <cstdio>
#include <fstream>
#include <string>

#include "compiler/syntax/ast_snapshot.hpp"
#include "pipeline/driver.hpp"
#include "compiler/syntax/load.hpp"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: policyc_snapshot_tool OUTPUT\n");
    return 2;
  }
  policyc::SourceManager sources;
  policyc::DiagnosticSink diags;
  std::vector<policyc::ast::PolicyFile> files =
      policyc::load_policies(policyc::kShippedPolicy, policyc::EmbeddedSource(), sources, diags);
  // A shipped policy that does not parse cleanly gets an empty snapshot: policyc then
  // parses it at run time and reports what is wrong, and the test suite fails on it.
  std::string snapshot;
  if (diags.all().empty()) {
    snapshot = policyc::write_ast_snapshot(files, sources);
  } else {
    std::fprintf(stderr,
                 "policyc_snapshot_tool: the shipped policies have diagnostics; "
                 "no snapshot\n");
  }
  std::ofstream file(argv[1], std::ios::binary);
  file << snapshot;
  return file.good() ? 0 : 1;
}
