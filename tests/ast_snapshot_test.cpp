// The AST snapshot of the shipped policies (compiler/syntax/ast_snapshot.hpp): current, exact,
// and never used when it does not match the embedded texts.
#include <catch2/catch.hpp>

#include "compiler/syntax/ast_snapshot.hpp"
#include "pipeline/driver.hpp"
#include "compiler/syntax/load.hpp"
#include "fuzz/ast_dump.hpp"

namespace policyc {
namespace {

struct Parsed {
  SourceManager sources;
  std::vector<ast::PolicyFile> files;
};

Parsed parse_shipped() {
  Parsed parsed;
  DiagnosticSink diags;
  parsed.files = load_policies(kShippedPolicy, EmbeddedSource(), parsed.sources, diags);
  REQUIRE(diags.all().empty());
  return parsed;
}

using fuzz::dump_ast;

TEST_CASE("snapshot: the built-in snapshot is the shipped policies as parsed now") {
  Parsed parsed = parse_shipped();
  CHECK(write_ast_snapshot(parsed.files, parsed.sources) == shipped_ast_snapshot());
}

TEST_CASE("snapshot: reading it back gives the parsed AST, file ids and texts included") {
  Parsed parsed = parse_shipped();
  SourceManager sources;
  sources.add("command line", "--param x=1");  // ids are relative: any start works
  auto files = read_ast_snapshot(shipped_ast_snapshot(), sources);
  REQUIRE(files);
  REQUIRE(sources.size() == parsed.sources.size() + 1);
  for (FileId id = 0; id < parsed.sources.size(); ++id) {
    CHECK(sources.file(id + 1).name() == parsed.sources.file(id).name());
    CHECK(sources.file(id + 1).text() == parsed.sources.file(id).text());
  }
  REQUIRE(files->size() == parsed.files.size());
  for (std::size_t i = 0; i < files->size(); ++i) {
    CHECK((*files)[i].file == parsed.files[i].file + 1);
    CHECK(dump_ast((*files)[i]) == dump_ast(parsed.files[i]));
  }
  CHECK(write_ast_snapshot(*files, sources) == shipped_ast_snapshot());
}

TEST_CASE("snapshot: a stale, cut or foreign snapshot is refused and adds no file") {
  const std::string good(shipped_ast_snapshot());
  REQUIRE(good.size() > 64);
  std::string stale = good;
  stale[14 + 8 + 8 + 24] ^= 1;  // the first file's text hash
  // The layout before record bodies carried their renamed keys.
  std::string previous_layout = "policyc-ast-2\n" + good.substr(14);
  std::string renamed = good;
  renamed[14 + 8 + 8] = 'P';  // "Policies/...": no such embedded policy
  for (const std::string& bad :
       {std::string(), std::string("policyc-ast-0\n"), previous_layout, stale, renamed,
        good.substr(0, good.size() / 2), good + "x"}) {
    SourceManager sources;
    CHECK_FALSE(read_ast_snapshot(bad, sources));
    CHECK(sources.size() == 0);
  }
}

TEST_CASE("snapshot: a compile from the snapshot equals a compile that parses the text") {
  const std::string source_dir = POLICYC_SOURCE_DIR;
  const std::string bottle = source_dir + "/golden/pipelock/everything/bottle.yaml";
  SourceManager snapshot_sources, parsed_sources;
  DiagnosticSink diags;
  auto from_snapshot = compile_bottle({bottle, "", {}}, snapshot_sources, diags);
  auto from_text =
      compile_bottle({bottle, source_dir + "/policies/pipelock.policy", {}}, parsed_sources, diags);
  REQUIRE(from_snapshot);
  REQUIRE(from_text);
  CHECK(from_snapshot->yaml == from_text->yaml);
  const auto& checked_snapshot = from_snapshot->program->files;
  const auto& checked_text = from_text->program->files;
  REQUIRE(checked_snapshot.size() == checked_text.size());
  for (std::size_t i = 0; i < checked_snapshot.size(); ++i) {
    CHECK(dump_ast(checked_snapshot[i]) == dump_ast(checked_text[i]));
  }
}

}  // namespace
}  // namespace policyc
