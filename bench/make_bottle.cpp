// policyc_make_bottle N: prints the generated bottle with N allowlist hosts, for the
// whole-process measurements of bench/run.sh.
#include <cstdio>
#include <cstdlib>
#include <string>

#include "bench/bottle_generator.hpp"

int main(int argc, char** argv) {
  char* end = nullptr;
  const unsigned long long hosts = argc == 2 ? std::strtoull(argv[1], &end, 10) : 0;
  if (argc != 2 || *end != '\0' || hosts == 0 || hosts > 1000000) {
    std::fprintf(stderr, "usage: policyc_make_bottle N   (1 <= N <= 1000000 allowlist hosts)\n");
    return 2;
  }
  const std::string text = policyc::bench::generate_bottle(hosts);
  std::fwrite(text.data(), 1, text.size(), stdout);
  return 0;
}
