// A libFuzzer entry point for the target named by POLICYC_FUZZ_TARGET. A broken
// invariant aborts, so libFuzzer saves the input.
#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include "fuzz/fuzz_targets.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const policyc::fuzz::Target target = policyc::fuzz::find_target(POLICYC_FUZZ_TARGET);
  const std::string failure = target(std::string_view(reinterpret_cast<const char*>(data), size));
  if (!failure.empty()) {
    std::fprintf(stderr, "invariant broken in %s: %s\n", POLICYC_FUZZ_TARGET, failure.c_str());
    std::abort();
  }
  return 0;
}
