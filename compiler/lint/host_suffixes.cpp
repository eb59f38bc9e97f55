#include "compiler/lint/host_suffixes.hpp"

#include "base/public_suffix.hpp"

namespace policyc {

BroadSuffix broad_suffix_kind(const std::string& suffix) {
  switch (public_suffix_kind(suffix)) {
    case PublicSuffixKind::Icann:
      return BroadSuffix::PublicSuffix;
    case PublicSuffixKind::Private:
      return BroadSuffix::SharedHosting;
    case PublicSuffixKind::None:
      break;
  }
  return BroadSuffix::None;
}

}  // namespace policyc
