#include "compiler/lint/host_suffixes.hpp"

#include <algorithm>
#include <iterator>

namespace policyc {

namespace {

// Registries where anyone registers a domain, as `*.com` is for a single label.
constexpr std::string_view kPublicSuffixes[] = {
    "ac.jp",  "ac.uk",  "co.id",  "co.il",  "co.in",  "co.jp",  "co.kr",  "co.nz",  "co.th",
    "co.uk",  "co.za",  "com.ar", "com.au", "com.br", "com.cn", "com.co", "com.eg", "com.hk",
    "com.mx", "com.my", "com.ng", "com.pe", "com.ph", "com.pk", "com.sa", "com.sg", "com.tr",
    "com.tw", "com.ua", "com.vn", "edu.au", "gov.uk", "go.jp",  "ltd.uk", "me.uk",  "ne.jp",
    "net.au", "net.br", "net.cn", "net.in", "net.nz", "nhs.uk", "or.jp",  "or.kr",  "org.au",
    "org.br", "org.cn", "org.in", "org.nz", "org.uk", "org.za", "plc.uk", "sch.uk",
};

// Domains whose subdomains are sites or buckets of unrelated users.
constexpr std::string_view kSharedHosting[] = {
    "amazonaws.com",     "appspot.com",      "azurestaticapps.net",
    "azurewebsites.net", "bitbucket.io",     "blob.core.windows.net",
    "blogspot.com",      "cloudfront.net",   "cloudfunctions.net",
    "codeberg.page",     "deno.dev",         "firebaseapp.com",
    "fly.dev",           "github.io",        "githubusercontent.com",
    "gitlab.io",         "glitch.me",        "herokuapp.com",
    "netlify.app",       "ngrok-free.app",   "ngrok.io",
    "onrender.com",      "pages.dev",        "r2.dev",
    "railway.app",       "readthedocs.io",   "repl.co",
    "run.app",           "s3.amazonaws.com", "surge.sh",
    "trycloudflare.com", "vercel.app",       "web.app",
    "wordpress.com",     "workers.dev",
};

template <std::size_t N>
bool listed(const std::string_view (&list)[N], std::string_view suffix) {
  return std::find(std::begin(list), std::end(list), suffix) != std::end(list);
}

}  // namespace

BroadSuffix broad_suffix_kind(std::string_view suffix) {
  if (listed(kPublicSuffixes, suffix)) return BroadSuffix::PublicSuffix;
  if (listed(kSharedHosting, suffix)) return BroadSuffix::SharedHosting;
  return BroadSuffix::None;
}

}  // namespace policyc
