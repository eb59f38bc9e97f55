#include "base/public_suffix.hpp"

#include <libpsl.h>

namespace policyc {

namespace {

// Debian's data file first, so every Debian 12 machine answers alike; libpsl's built-in
// copy only where that file is missing. Loaded on first use and kept for the process.
const psl_ctx_t* suffix_list() {
  static const psl_ctx_t* const list = []() -> const psl_ctx_t* {
    if (const psl_ctx_t* loaded = psl_load_file(psl_dist_filename())) return loaded;
    return psl_builtin();
  }();
  return list;
}

}  // namespace

PublicSuffixKind public_suffix_kind(const std::string& domain) {
  const psl_ctx_t* list = suffix_list();
  if (!list || domain.empty()) return PublicSuffixKind::None;
  if (psl_is_public_suffix2(list, domain.c_str(), PSL_TYPE_ICANN | PSL_TYPE_NO_STAR_RULE)) {
    return PublicSuffixKind::Icann;
  }
  if (psl_is_public_suffix2(list, domain.c_str(), PSL_TYPE_PRIVATE | PSL_TYPE_NO_STAR_RULE)) {
    return PublicSuffixKind::Private;
  }
  return PublicSuffixKind::None;
}

std::string registrable_part(const std::string& host) {
  const psl_ctx_t* list = suffix_list();
  const char* domain = list ? psl_registrable_domain(list, host.c_str()) : nullptr;
  return domain ? std::string(domain) : host;
}

}  // namespace policyc
