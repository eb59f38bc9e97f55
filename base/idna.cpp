#include "base/idna.hpp"

#include <idn2.h>

#include <cstdint>
#include <memory>

namespace policyc {

namespace {

// What libidn2 returns, freed with idn2_free; `why` takes its reason on failure.
std::optional<std::string> take(int rc, char* output, std::string* why) {
  std::unique_ptr<char, void (*)(void*)> owned(output, idn2_free);
  if (rc != IDN2_OK) {
    if (why) *why = idn2_strerror(rc);
    return std::nullopt;
  }
  return std::string(owned.get());
}

}  // namespace

std::optional<std::string> to_a_label(const std::string& name, std::string* why) {
  // libidn2 reads a C string: a NUL would end the name early and hide what follows.
  if (name.find('\0') != std::string::npos) {
    if (why) *why = "string contains a NUL byte";
    return std::nullopt;
  }
  char* output = nullptr;
  const int rc = idn2_lookup_u8(reinterpret_cast<const std::uint8_t*>(name.c_str()),
                                reinterpret_cast<std::uint8_t**>(&output),
                                IDN2_NFC_INPUT | IDN2_NONTRANSITIONAL);
  return take(rc, output, why);
}

std::optional<std::string> to_u_label(const std::string& name, std::string* why) {
  // idn2_to_unicode_8z8z decodes punycode without judging what it decodes to: the lookup
  // checks each label first and gives the canonical (lowercase) A-labels to decode.
  const std::optional<std::string> ascii = to_a_label(name, why);
  if (!ascii) return std::nullopt;
  char* output = nullptr;
  const int rc = idn2_to_unicode_8z8z(ascii->c_str(), &output, 0);
  return take(rc, output, why);
}

}  // namespace policyc
