#include "base/broad_wildcard.hpp"

#include <fmt/format.h>

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

std::string broad_wildcard_problem(const std::string& host) {
  if (host.rfind("*.", 0) != 0) return "";
  const std::string suffix = host.substr(2);
  switch (broad_suffix_kind(suffix)) {
    case BroadSuffix::PublicSuffix:
      return fmt::format("'{}' matches every domain registered under '{}', a public suffix; "
                         "list the domains you mean",
                         host, suffix);
    case BroadSuffix::SharedHosting:
      return fmt::format("'{}' matches every site hosted on '{}', where anyone can publish; "
                         "list the sites you mean",
                         host, suffix);
    case BroadSuffix::None:
      break;
  }
  return "";
}

}  // namespace policyc
