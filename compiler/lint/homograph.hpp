// Spotting decoded IDNA labels that imitate other names (homographs such as Cyrillic 'а'
// for Latin 'a'); the labels are decoded by base/idna (libidn2).
#pragma once
#include <string>

namespace policyc {

struct Homograph {
  bool mixed_scripts = false;  // Latin, Cyrillic and Greek letters in one label
  std::string scripts;         // "Cyrillic and Latin", when mixed
  std::string looks_like;      // the ASCII label it can be mistaken for, or ""
};

/// Whether the decoded label `label` (UTF-8) can pass for another name.
Homograph find_homograph(const std::string& label);

}  // namespace policyc
