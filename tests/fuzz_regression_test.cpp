// Every input saved under fuzz/regressions/TARGET/ (crashes, hangs and broken
// invariants that fuzzing found, and adversarial inputs written by hand) replayed
// through the fuzz target it was found with. Under the sanitizer build a memory error
// fails the run as well.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "fuzz/fuzz_targets.hpp"

namespace fs = std::filesystem;

TEST_CASE("inputs found by fuzzing stay fixed") {
  const fs::path root = fs::path(POLICYC_SOURCE_DIR) / "fuzz" / "regressions";
  std::size_t replayed = 0;
  for (const auto& folder : fs::directory_iterator(root)) {
    const std::string target_name = folder.path().filename().string();
    policyc::fuzz::Target target = policyc::fuzz::find_target(target_name);
    INFO("target " << target_name);
    REQUIRE(target != nullptr);
    for (const auto& entry : fs::directory_iterator(folder.path())) {
      std::ifstream in(entry.path(), std::ios::binary);
      std::ostringstream text;
      text << in.rdbuf();
      INFO("input " << entry.path().string());
      CHECK(target(text.str()) == "");
      ++replayed;
    }
  }
  CHECK(replayed > 0);
}
