#include "base/text_diff.hpp"

#include <algorithm>
#include <vector>

#include <fmt/format.h>

namespace policyc {

namespace {

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) {
      lines.push_back(text.substr(start) + "\n\\ No newline at end of file");
      break;
    }
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

struct Edit {
  char op;  // ' ', '-', '+'
  std::size_t a, b;  // line indexes in expected and actual
};

// Longest common subsequence by dynamic programming: inputs are golden files, small.
std::vector<Edit> edit_script(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  std::vector<std::vector<std::uint32_t>> lcs(a.size() + 1, std::vector<std::uint32_t>(b.size() + 1));
  for (std::size_t i = a.size(); i-- > 0;) {
    for (std::size_t j = b.size(); j-- > 0;) {
      lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  std::vector<Edit> edits;
  std::size_t i = 0, j = 0;
  while (i < a.size() || j < b.size()) {
    if (i < a.size() && j < b.size() && a[i] == b[j]) {
      edits.push_back({' ', i++, j++});
    } else if (i < a.size() && (j == b.size() || lcs[i + 1][j] >= lcs[i][j + 1])) {
      edits.push_back({'-', i++, j});  // removals first, as diff -u prints a change
    } else {
      edits.push_back({'+', i, j++});
    }
  }
  return edits;
}

}  // namespace

std::string unified_diff(const std::string& expected, const std::string& actual,
                         const std::string& expected_name, const std::string& actual_name) {
  if (expected == actual) return "";
  const auto a = split_lines(expected);
  const auto b = split_lines(actual);
  const auto edits = edit_script(a, b);
  constexpr std::size_t kContext = 3;
  std::string out = fmt::format("--- {}\n+++ {}\n", expected_name, actual_name);
  std::size_t k = 0;
  while (k < edits.size()) {
    while (k < edits.size() && edits[k].op == ' ') ++k;
    if (k == edits.size()) break;
    std::size_t begin = k >= kContext ? k - kContext : 0;
    std::size_t end = k;
    // Extend the hunk while changes are within two contexts of each other.
    for (std::size_t quiet = 0; end < edits.size() && quiet <= 2 * kContext; ++end) {
      quiet = edits[end].op == ' ' ? quiet + 1 : 0;
    }
    while (end > k && edits[end - 1].op == ' ' && end - 1 >= k) {
      std::size_t trailing = 0;
      for (std::size_t t = end; t-- > k && edits[t].op == ' ';) ++trailing;
      if (trailing <= kContext) break;
      --end;
    }
    std::size_t a_count = 0, b_count = 0;
    for (std::size_t t = begin; t < end; ++t) {
      a_count += edits[t].op != '+';
      b_count += edits[t].op != '-';
    }
    // diff -u's header: a range of one line is written without its count.
    auto range = [](std::size_t start, std::size_t count) {
      return count == 1 ? fmt::format("{}", start + 1)
                        : fmt::format("{},{}", start + (count ? 1 : 0), count);
    };
    out += fmt::format("@@ -{} +{} @@\n", range(edits[begin].a, a_count),
                       range(edits[begin].b, b_count));
    for (std::size_t t = begin; t < end; ++t) {
      const std::string& line = edits[t].op == '+' ? b[edits[t].b] : a[edits[t].a];
      out += fmt::format("{}{}\n", edits[t].op, line);
    }
    k = end;
  }
  return out;
}

}  // namespace policyc
