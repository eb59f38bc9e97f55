#include <fmt/format.h>

#include <algorithm>

#include "base/hostname.hpp"
#include "compiler/syntax/comments.hpp"
#include "lsp/bottle_documents.hpp"
#include "lsp/bottle_features.hpp"
#include "lsp/bottle_spot.hpp"
#include "pipelock/explain/explain_report.hpp"
#include "runtime/input/yaml_tree.hpp"

namespace policyc::lsp {

namespace {

using Json = nlohmann::json;

std::string host_hover(const YamlNode& value, const OpenBottle& open) {
  std::string host;
  if (check_hostname(value.scalar, host)) return "";  // reported as a diagnostic already
  if (!open.compiled) {
    return "`policyc explain --host` needs the bottle to compile: fix its errors first.\n";
  }
  const Explanation explanation = explain_config(
      {*open.program, open.compiled->manifest, open.compiled->params, open.compiled->evaluation,
       open.sources, open.bottle});
  const HostExplanation explained =
      explain_host(explanation, host, open.compiled->evaluation.output);
  return fmt::format("```\n{}```\n", explain_host_text(explained, open.sources));
}

}  // namespace

std::string field_documentation(const FieldType& field, const SourceManager& sources) {
  const std::string& text = sources.file(field.range.file).text();
  const std::size_t line_end = std::min(text.find('\n', field.range.begin), text.size());
  std::string_view line(text.data() + field.range.begin, line_end - field.range.begin);
  std::string documented = comment_above(text, field.range.begin);
  const std::vector<Comment> after = scan_comments(line);
  if (!after.empty()) {  // `name: type = default  # what it is`
    const std::string trailing = comment_text(line, after[0]).substr(1);
    const std::size_t start = trailing.find_first_not_of(' ');
    if (start != std::string::npos) documented += trailing.substr(start) + "\n";
    line = line.substr(0, after[0].begin);
  }
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
  std::string out = fmt::format("```policy\n{}\n```\n", line);
  if (!documented.empty()) out += "\n" + documented;
  return out + fmt::format("\n{}\n", sources.file_line(field.range));
}

Json bottle_hover(const TextPosition& at, const Documents& documents) {
  const std::optional<BottleAt> found = bottle_at(at, documents);
  if (!found) return nullptr;
  const OpenBottle* open = found->open.get();
  const BottleSpot& spot = found->spot;
  std::string text;
  if (spot.field) text = field_documentation(*spot.field, open->sources);
  if (spot.value && spot.type->kind == Type::Kind::Hostname) text = host_hover(*spot.value, *open);
  if (text.empty()) return nullptr;
  return {{"contents", {{"kind", "markdown"}, {"value", std::move(text)}}}};
}

}  // namespace policyc::lsp
