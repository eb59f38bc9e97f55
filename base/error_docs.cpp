#include "base/error_docs.hpp"

#include <re2/re2.h>

namespace policyc {

std::vector<ErrorDoc> parse_error_docs(std::string_view markdown) {
  static const re2::RE2 heading(R"(## ([EW][0-9]{4}): (.*))");
  std::vector<ErrorDoc> docs;
  std::size_t at = 0;
  bool in_fence = false;  // a "## " inside an example is not a heading
  while (at < markdown.size()) {
    std::size_t end = markdown.find('\n', at);
    if (end == std::string_view::npos) end = markdown.size();
    std::string line(markdown.substr(at, end - at));
    std::string code, title;
    if (line.rfind("```", 0) == 0) in_fence = !in_fence;
    if (!in_fence && re2::RE2::FullMatch(line, heading, &code, &title)) {
      docs.push_back({code, title, ""});
    } else if (!in_fence && line.rfind("# ", 0) == 0) {
      docs.push_back({"", "", ""});  // a section heading ends the entry before it
    } else if (!docs.empty()) {
      docs.back().body += line + "\n";
    }
    at = end + 1;
  }
  std::vector<ErrorDoc> entries;
  for (ErrorDoc& doc : docs) {
    if (doc.code.empty()) continue;
    while (!doc.body.empty() && (doc.body.front() == '\n')) doc.body.erase(0, 1);
    while (doc.body.size() > 1 && doc.body[doc.body.size() - 2] == '\n') doc.body.pop_back();
    entries.push_back(std::move(doc));
  }
  return entries;
}

const std::vector<ErrorDoc>& error_docs() {
  static const std::vector<ErrorDoc> docs = parse_error_docs(embedded_error_docs());
  return docs;
}

const ErrorDoc* find_error_doc(const std::string& code) {
  for (const ErrorDoc& doc : error_docs()) {
    if (doc.code == code) return &doc;
  }
  return nullptr;
}

}  // namespace policyc
