#include "bench/bottle_generator.hpp"

#include <cstdint>
#include <cstdio>

namespace policyc::bench {

std::string generate_bottle(std::size_t hosts) {
  const std::size_t routes = hosts / 10;
  std::string out;
  out.reserve(hosts * 40 + routes * 120 + 256);
  char line[128];
  std::snprintf(line, sizeof line, "# generated: %zu allowlist hosts, %zu routes\n", hosts, routes);
  out += line;
  out += "egress:\n  allowlist:\n";
  // A fixed linear congruential sequence: reproducible without <random>'s
  // implementation-defined distributions. Drawing from 4N values repeats about one in ten.
  std::uint64_t seed = 12345;
  for (std::size_t i = 0; i < hosts; ++i) {
    seed = (seed * 6364136223846793005ull + 1442695040888963407ull);
    const std::uint64_t id = (seed >> 33) % (hosts * 4 + 1);
    std::snprintf(line, sizeof line, "    - h%07llu.allow.example.net\n",
                  static_cast<unsigned long long>(id));
    out += line;
  }
  if (routes == 0) return out;
  out += "egress_proxy:\n  routes:\n";
  for (std::size_t i = 0; i < routes; ++i) {
    std::snprintf(line, sizeof line, "    - host: r%06zu.route.example.org\n", i);
    out += line;
    if (i % 2 == 0) {
      std::snprintf(line, sizeof line,
                    "      auth:\n        scheme: Bearer\n        token_ref: TOKEN_%zu\n", i);
      out += line;
    }
    if (i % 3 == 0) out += "      path_allowlist: [\"/v1/\", \"/v2/items\"]\n";
  }
  return out;
}

}  // namespace policyc::bench
