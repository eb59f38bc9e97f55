#include "lsp/bottle_documents.hpp"

#include <filesystem>
#include <set>
#include <tuple>

#include "lsp/policy_diagnostics.hpp"

namespace policyc::lsp {

namespace {

using Json = nlohmann::json;

// A report about another file, or about none, moved to the bottle's start: an editor
// shows a document's diagnostics only in it, and compile stops at these. Its notes
// still link to where they are.
Diagnostic placed_in_bottle(const Diagnostic& d, const OpenBottle& open) {
  Diagnostic moved = d;
  moved.suggestion.clear();  // its edits are for the other file
  moved.fixes.clear();
  if (d.range.valid()) moved.message = open.sources.location(d.range) + ": " + d.message;
  moved.range = {open.bottle, 0, 0};
  return moved;
}

}  // namespace

bool is_bottle(const Document& document) {
  const std::filesystem::path path(document.path);
  if (path.filename() == kProjectFile || is_policy(document)) return false;
  const std::string extension = path.extension().string();
  return document.language == "yaml" || document.language == "markdown" ||
         extension == ".yaml" || extension == ".yml" || extension == ".md";
}

const FieldType* field_named(const RecordType& record, const std::string& key) {
  if (const FieldType* field = record.find(key)) return field;
  const RenamedKeyRule* rename = record.find_renamed(key);
  return rename ? record.find(rename->target) : nullptr;
}

std::string OpenBottle::root() const {
  return policy && policy->project ? policy->project->root.string() : "";
}

std::unique_ptr<OpenBottle> compile_open_bottle(const Document& bottle,
                                                const Documents& documents) {
  auto open = std::make_unique<OpenBottle>();
  // The project file too is read from the editor first: an unsaved `params:` or
  // `policy:` applies to the open bottles.
  open->policy = choose_policy("", bottle.path, open->sources, open->diags, OverlaySource(documents));
  if (!open->policy) return open;
  open->program = load_program(*open->policy, OverlaySource(documents, open->root()),
                               open->sources, open->diags);
  if (!open->program) return open;
  open->bottle = open->sources.add(bottle.path, bottle.text);
  open->compiled = compile_manifest(*open->program, open->bottle,
                                    params_with_defaults(*open->policy, {}), open->sources,
                                    open->diags);
  return open;
}

std::map<std::string, Json> bottle_diagnostics(const Documents& documents,
                                               PositionEncoding encoding,
                                               const std::string& error_docs) {
  std::map<std::string, Json> out;
  for (const Document* document : documents.all()) {
    if (!is_bottle(*document)) continue;
    const std::unique_ptr<OpenBottle> open = compile_open_bottle(*document, documents);
    if (!open->program) open->bottle = open->sources.add(document->path, document->text);
    Json& list = out[document->uri] = Json::array();
    // The command line prints a report repeated at one place once (a YAML alias copies
    // a node, and its problems with it).
    std::set<std::tuple<FileId, std::uint32_t, std::uint32_t, std::string, std::string>> seen;
    for (const Diagnostic& d : open->diags.sorted()) {
      if (!seen.insert({d.range.file, d.range.begin, d.range.end, d.code, d.message}).second) {
        continue;
      }
      const bool in_bottle = d.range.valid() && d.range.file == open->bottle;
      Json lsp = to_lsp(in_bottle ? d : placed_in_bottle(d, *open), open->sources, encoding,
                        error_docs, open->root());
      // A fix narrower than the report (a quoted key's name) is the edit to make.
      if (in_bottle && d.fixes.size() == 1 && d.fixes[0].range.begin != d.range.begin) {
        lsp["data"]["range"] = range_json(open->sources, d.fixes[0].range, encoding);
      }
      list.push_back(std::move(lsp));
    }
  }
  return out;
}

}  // namespace policyc::lsp
