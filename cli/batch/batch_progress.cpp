#include "cli/batch/batch_progress.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <iostream>

namespace policyc {

BatchProgress::BatchProgress(std::ostream& err, bool shown, std::size_t total)
    : err_(err), shown_(shown), total_(total) {}

void BatchProgress::update(std::size_t done, std::size_t failed, bool force) {
  if (!shown_) return;
  const auto now = std::chrono::steady_clock::now();
  if (!force && width_ > 0 && now - last_ < std::chrono::milliseconds(100)) return;
  last_ = now;
  const int digits = static_cast<int>(fmt::format("{}", total_).size());
  std::string line = fmt::format("[{:>{}}/{}] compiling", done, digits, total_);
  if (failed > 0) line += fmt::format(" ({} failed)", failed);
  // Spaces over the rest of a longer previous line: no escape sequences needed.
  const std::size_t pad = width_ > line.size() ? width_ - line.size() : 0;
  err_ << '\r' << line << std::string(pad, ' ') << std::flush;
  width_ = line.size();
}

void BatchProgress::clear() {
  if (!shown_ || width_ == 0) return;
  err_ << '\r' << std::string(width_, ' ') << '\r' << std::flush;
  width_ = 0;
}

bool progress_wanted(const std::ostream& err) {
  if (&err != &std::cerr || ::isatty(STDERR_FILENO) != 1) return false;
  const char* term = std::getenv("TERM");
  return !(term && std::strcmp(term, "dumb") == 0);
}

}  // namespace policyc
