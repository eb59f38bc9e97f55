#include "base/text_edit.hpp"

#include <algorithm>

namespace policyc {

std::string apply_text_edits(std::string_view text, std::vector<TextEdit> edits) {
  std::stable_sort(edits.begin(), edits.end(), [](const TextEdit& a, const TextEdit& b) {
    return a.range.begin < b.range.begin;
  });
  std::string out;
  out.reserve(text.size());
  std::size_t done = 0;  // bytes of `text` already copied or replaced
  for (const TextEdit& edit : edits) {
    if (edit.range.begin < done || edit.range.end < edit.range.begin || edit.range.end > text.size()) {
      continue;
    }
    out.append(text.substr(done, edit.range.begin - done));
    out += edit.text;
    done = edit.range.end;
  }
  out.append(text.substr(done));
  return out;
}

}  // namespace policyc
