#include "lsp/code_actions.hpp"

#include <fmt/format.h>

namespace policyc::lsp {

namespace {

using Json = nlohmann::json;

// The blanks that start line `line` (0-based) of `text`.
std::string indentation_of(const std::string& text, std::size_t line) {
  std::size_t start = 0;
  for (std::size_t i = 0; i < line && start != std::string::npos; ++i) {
    start = text.find('\n', start);
    if (start != std::string::npos) ++start;
  }
  if (start == std::string::npos || start > text.size()) return "";
  const std::size_t end = text.find_first_not_of(" \t", start);
  return text.substr(start, (end == std::string::npos ? text.size() : end) - start);
}

Json quick_fix(const std::string& title, const Json& diagnostic, const std::string& uri,
               Json edit) {
  return {{"title", title},
          {"kind", "quickfix"},
          {"diagnostics", Json::array({diagnostic})},
          {"edit", {{"changes", {{uri, Json::array({std::move(edit)})}}}}}};
}

}  // namespace

Json code_actions(const Document& document, const Json& params) {
  Json actions = Json::array();
  const Json* diagnostics = nullptr;
  if (params.is_object() && params.contains("context") && params["context"].is_object() &&
      params["context"].contains("diagnostics") && params["context"]["diagnostics"].is_array()) {
    diagnostics = &params["context"]["diagnostics"];
  }
  if (!diagnostics) return actions;
  for (const Json& d : *diagnostics) {
    if (!d.is_object() || !d.contains("range") || !d["range"].is_object()) continue;
    const Json& range = d["range"];
    const std::string code = d.value("code", Json("")).is_string() ? d.value("code", "") : "";
    const Json* data = d.contains("data") && d["data"].is_object() ? &d["data"] : nullptr;
    if (data && data->contains("suggestion") && (*data)["suggestion"].is_string()) {
      const std::string suggestion = (*data)["suggestion"];
      // A bottle's renamed key (W0330) carries the range of the name inside its quotes.
      const Json& edited = data->contains("range") ? (*data)["range"] : range;
      const char* verb = code == "W0330" ? "Rename to" : "Change to";
      actions.push_back(quick_fix(fmt::format("{} '{}'", verb, suggestion), d, document.uri,
                                  {{"range", edited}, {"newText", suggestion}}));
    }
    const Json* line = range.contains("start") && range["start"].is_object() &&
                               range["start"].contains("line")
                           ? &range["start"]["line"]
                           : nullptr;
    if (code.rfind("W06", 0) == 0 && line && line->is_number_unsigned()) {
      const std::size_t at = line->get<std::size_t>();
      const Json start = {{"line", at}, {"character", 0}};
      const std::string comment =
          fmt::format("{}# policyc: allow {} reason\n", indentation_of(document.text, at), code);
      actions.push_back(quick_fix(fmt::format("Allow {} on this line", code), d, document.uri,
                                  {{"range", {{"start", start}, {"end", start}}},
                                   {"newText", comment}}));
    }
  }
  return actions;
}

}  // namespace policyc::lsp
