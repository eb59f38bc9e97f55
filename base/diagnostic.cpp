#include "base/diagnostic.hpp"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "base/source_excerpt.hpp"

namespace policyc {

Diagnostic& DiagnosticSink::error(std::string code, SourceRange range, std::string message) {
  ++error_count_;
  diagnostics_.push_back(
      {Severity::Error, std::move(code), range, std::move(message), {}, {}, {}});
  return diagnostics_.back();
}

Diagnostic& DiagnosticSink::warning(std::string code, SourceRange range, std::string message) {
  diagnostics_.push_back(
      {Severity::Warning, std::move(code), range, std::move(message), {}, {}, {}});
  return diagnostics_.back();
}

Diagnostic& DiagnosticSink::add(Diagnostic diagnostic) {
  if (diagnostic.severity == Severity::Error) ++error_count_;
  diagnostics_.push_back(std::move(diagnostic));
  return diagnostics_.back();
}

std::vector<Diagnostic> DiagnosticSink::sorted() const {
  std::vector<Diagnostic> out = diagnostics_;
  std::stable_sort(out.begin(), out.end(), [](const Diagnostic& a, const Diagnostic& b) {
    if (a.range.file != b.range.file) return a.range.file < b.range.file;
    return a.range.begin < b.range.begin;
  });
  return out;
}

namespace {

const char* severity_name(Severity s) {
  switch (s) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Note: return "note";
  }
  return "error";
}

const char* severity_color(Severity s) {
  switch (s) {
    case Severity::Error: return "\x1b[1;31m";
    case Severity::Warning: return "\x1b[1;35m";
    case Severity::Note: return "\x1b[1;36m";
  }
  return "";
}

void render_one(std::string& out, Severity severity, const std::string& code,
                const SourceRange& range, const std::string& message,
                const SourceManager& sources, const RenderOptions& options) {
  const char* bold = options.color ? "\x1b[1m" : "";
  const char* reset = options.color ? "\x1b[0m" : "";
  const char* sev_color = options.color ? severity_color(severity) : "";
  std::string label = code.empty() ? "" : fmt::format(" [{}]", code);
  out += fmt::format("{}{}: {}{}:{} {}{}{}\n", bold, printable_text(sources.location(range)),
                     sev_color, severity_name(severity), reset, bold,
                     printable_text(message) + label, reset);
  if (!range.valid()) return;
  const SourceFile& file = sources.file(range.file);
  LineCol start = file.line_col(range.begin);
  std::string_view line = file.line_text(start.line);
  const std::size_t line_begin = file.line_start(start.line);
  SourceExcerpt excerpt = make_excerpt(line, range.begin - line_begin, range.end - line_begin);
  std::string marks = "^" + std::string(excerpt.mark_width - 1, '~');
  out += fmt::format("{}\n{}{}{}{}\n", excerpt.line, std::string(excerpt.caret_column, ' '),
                     options.color ? "\x1b[1;32m" : "", marks, reset);
}

}  // namespace

std::string render(const Diagnostic& d, const SourceManager& sources,
                   const RenderOptions& options) {
  std::string out;
  render_one(out, d.severity, d.code, d.range, d.message, sources, options);
  for (const DiagnosticNote& note : d.notes) {
    render_one(out, Severity::Note, "", note.range, note.message, sources, options);
  }
  return out;
}

std::size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t subst = prev[j - 1] + (std::tolower(static_cast<unsigned char>(a[i - 1])) ==
                                                 std::tolower(static_cast<unsigned char>(b[j - 1]))
                                             ? 0
                                             : 1);
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, subst});
    }
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

std::string closest_name(const std::string& word, const std::vector<std::string>& candidates) {
  std::string best;
  std::size_t best_distance = 0;
  const std::size_t limit = std::max<std::size_t>(2, word.size() / 3);
  for (const std::string& candidate : candidates) {
    if (candidate == word) continue;
    std::size_t d = edit_distance(word, candidate);
    if (d > limit) continue;
    if (best.empty() || d < best_distance || (d == best_distance && candidate < best)) {
      best = candidate;
      best_distance = d;
    }
  }
  return best;
}

void add_suggestion(Diagnostic& diagnostic, const std::string& word,
                    const std::vector<std::string>& candidates) {
  std::string best = closest_name(word, candidates);
  if (best.empty()) return;
  diagnostic.suggestion = best;
  diagnostic.message += fmt::format("; did you mean '{}'?", best);
}

}  // namespace policyc
