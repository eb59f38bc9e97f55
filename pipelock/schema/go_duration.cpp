#include "pipelock/schema/go_duration.hpp"

namespace policyc {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// The longest unit at `at`: "ms" before "m", so a greedy choice is always the right one
// (a unit is followed by a number or the end, never by "s").
std::size_t unit_length(std::string_view text, std::size_t at) {
  static constexpr std::string_view kUnits[] = {"ns", "us", "\xc2\xb5s", "\xce\xbcs",
                                                "ms", "s",  "m",         "h"};
  for (std::string_view unit : kUnits) {
    if (text.substr(at, unit.size()) == unit) return unit.size();
  }
  return 0;
}

}  // namespace

bool is_positive_go_duration(std::string_view text) {
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  if (text.empty() || text.find_first_of("123456789") == std::string_view::npos) return false;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t whole = 0, fraction = 0;
    while (i < text.size() && is_digit(text[i])) ++i, ++whole;
    if (i < text.size() && text[i] == '.') {
      ++i;
      while (i < text.size() && is_digit(text[i])) ++i, ++fraction;
    }
    if (whole == 0 && fraction == 0) return false;
    const std::size_t unit = unit_length(text, i);
    if (unit == 0) return false;
    i += unit;
  }
  return true;
}

}  // namespace policyc
