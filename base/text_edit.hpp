// A replacement of a byte range by new text: the machine-applicable fix a diagnostic may
// carry, and what `policyc migrate` applies to a bottle.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "base/source.hpp"

namespace policyc {

struct TextEdit {
  SourceRange range;  // the bytes replaced
  std::string text;   // what replaces them
};

/// `text` with `edits` (ranges into `text`, whatever their file) applied in offset order.
/// An edit given twice (one key reached through two aliases) is applied once; an edit
/// that overlaps one before it is left out, so the result never garbles the text.
std::string apply_text_edits(std::string_view text, std::vector<TextEdit> edits);

}  // namespace policyc
