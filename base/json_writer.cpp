#include "base/json_writer.hpp"

namespace policyc {

namespace {

// nlohmann writes DEL, U+2028 and U+2029 as they are; once dumped they can only stand
// inside a string, so escaping them in the text is escaping them in the strings.
std::string escape_for_javascript(std::string text) {
  const auto needs_escape = [&](std::size_t i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    return c == 0x7f || (c == 0xe2 && i + 2 < text.size() && text[i + 1] == '\x80' &&
                         (text[i + 2] == '\xa8' || text[i + 2] == '\xa9'));
  };
  // Candidates found by find_first_of (a fast scan): nearly always none, and no copy.
  std::size_t first = text.find_first_of("\x7f\xe2");
  while (first != std::string::npos && !needs_escape(first)) {
    first = text.find_first_of("\x7f\xe2", first + 1);
  }
  if (first == std::string::npos) return text;
  std::string out = text.substr(0, first);
  for (std::size_t i = first; i < text.size(); ++i) {
    if (!needs_escape(i)) {
      out += text[i];
    } else if (text[i] == '\x7f') {
      out += "\\u007f";
    } else {
      // U+2028 and U+2029 are valid JSON but end a line in JavaScript before ES2019.
      out += text[i + 2] == '\xa8' ? "\\u2028" : "\\u2029";
      i += 2;
    }
  }
  return out;
}

}  // namespace

std::string json_text(const Json& value, int indent) {
  return escape_for_javascript(
      value.dump(indent, ' ', /*ensure_ascii=*/false, Json::error_handler_t::replace));
}

std::string json_quote(std::string_view s) { return json_text(Json(s), -1); }

}  // namespace policyc
