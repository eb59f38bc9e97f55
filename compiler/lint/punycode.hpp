// IDNA labels (`xn--...`): decoding punycode (RFC 3492) and spotting names that imitate
// others (homographs such as Cyrillic 'а' for Latin 'a').
#pragma once
#include <optional>
#include <string>

namespace policyc {

/// The UTF-8 text of punycode `encoded` (the part after `xn--`), or nothing when it is
/// not valid punycode.
std::optional<std::string> decode_punycode(const std::string& encoded);

struct Homograph {
  bool mixed_scripts = false;  // Latin, Cyrillic and Greek letters in one label
  std::string scripts;         // "Cyrillic and Latin", when mixed
  std::string looks_like;      // the ASCII label it can be mistaken for, or ""
};

/// Whether the decoded label `label` (UTF-8) can pass for another name.
Homograph find_homograph(const std::string& label);

}  // namespace policyc
