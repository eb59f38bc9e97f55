// The progress line of batch compilation: on a terminal, "[  512/10000] compiling
// (3 failed)" redrawn in place a few times a second; when stderr is not a terminal,
// nothing at all, so logs and pipes get only the diagnostics.
#pragma once
#include <chrono>
#include <cstddef>
#include <ostream>
#include <string>

namespace policyc {

class BatchProgress {
 public:
  /// Shows progress only when `shown`; `total` is the number of bottles.
  BatchProgress(std::ostream& err, bool shown, std::size_t total);

  /// Redraws the line, at most every 100 ms unless `force`.
  void update(std::size_t done, std::size_t failed, bool force = false);
  /// Erases the line, so a diagnostic can be printed in its place.
  void clear();

 private:
  std::ostream& err_;
  bool shown_;
  std::size_t total_;
  std::size_t width_ = 0;  // of the line on screen; 0 when none is
  std::chrono::steady_clock::time_point last_{};
};

/// Whether `err` is the process's stderr and a terminal (TERM not "dumb").
bool progress_wanted(const std::ostream& err);

}  // namespace policyc
