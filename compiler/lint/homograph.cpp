#include "compiler/lint/homograph.hpp"

#include <map>
#include <set>
#include <vector>

#include "base/utf8.hpp"

namespace policyc {

namespace {

// A byte that is not UTF-8 (a label never has one: libidn2 writes only scalar values)
// counts as U+FFFD, a character of no script that looks like no letter.
std::vector<char32_t> utf8_code_points(const std::string& text) {
  std::vector<char32_t> out;
  for (std::size_t i = 0; i < text.size();) {
    const Utf8Char c = decode_utf8(text, i);
    out.push_back(c.valid ? c.code : 0xFFFD);
    i += c.length;
  }
  return out;
}

// Letters of other scripts that render like a Latin letter.
const std::map<char32_t, char>& confusables() {
  static const std::map<char32_t, char> table = {
      {0x0430, 'a'}, {0x0435, 'e'}, {0x043E, 'o'}, {0x0440, 'p'}, {0x0441, 'c'}, {0x0443, 'y'},
      {0x0445, 'x'}, {0x0456, 'i'}, {0x0458, 'j'}, {0x0455, 's'}, {0x0501, 'd'}, {0x04CF, 'l'},
      {0x04BB, 'h'}, {0x051B, 'q'}, {0x051D, 'w'}, {0x0432, 'b'}, {0x043A, 'k'}, {0x043C, 'm'},
      {0x043D, 'h'}, {0x0442, 't'}, {0x03BF, 'o'}, {0x03B1, 'a'}, {0x03BD, 'v'}, {0x03C1, 'p'},
      {0x03B9, 'i'}, {0x03BA, 'k'}, {0x03C5, 'u'}, {0x03C7, 'x'}, {0x03B5, 'e'}, {0x0131, 'i'},
      {0x0251, 'a'}, {0x0261, 'g'}, {0x0269, 'i'}, {0x028F, 'y'},
  };
  return table;
}

const char* script_of(char32_t c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
      (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7)) {
    return "Latin";
  }
  if (c >= 0x250 && c <= 0x2AF) return "Latin";
  if (c >= 0x370 && c <= 0x3FF) return "Greek";
  if (c >= 0x400 && c <= 0x52F) return "Cyrillic";
  return nullptr;
}

}  // namespace

Homograph find_homograph(const std::string& label) {
  Homograph result;
  std::set<std::string> scripts;
  std::string skeleton;
  bool all_look_ascii = true;
  bool any_foreign = false;
  for (char32_t c : utf8_code_points(label)) {
    if (const char* script = script_of(c)) scripts.insert(script);
    if (c < 0x80) {
      skeleton += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
      continue;
    }
    any_foreign = true;
    auto it = confusables().find(c);
    if (it == confusables().end()) {
      all_look_ascii = false;
    } else {
      skeleton += it->second;
    }
  }
  if (scripts.size() > 1) {
    result.mixed_scripts = true;
    for (const std::string& script : scripts) {
      result.scripts += (result.scripts.empty() ? "" : " and ") + script;
    }
  }
  if (any_foreign && all_look_ascii) result.looks_like = skeleton;
  return result;
}

}  // namespace policyc
