// Diagnostics: collected by every pass, rendered like a C++ compiler's.
#pragma once
#include <string>
#include <vector>

#include "base/source.hpp"
#include "base/text_edit.hpp"

namespace policyc {

enum class Severity { Error, Warning, Note };

struct DiagnosticNote {
  SourceRange range;  // may be invalid: a note without a location
  std::string message;
};

struct Diagnostic {
  Severity severity = Severity::Error;
  std::string code;  // stable identifier such as "E0203"
  SourceRange range;
  std::string message;
  std::vector<DiagnosticNote> notes;
  std::string suggestion;  // replacement text for the range ("did you mean"), may be empty
  std::vector<TextEdit> fixes;  // edits that resolve it, safe to apply as they are
};

/// Collects diagnostics; passes report here and go on, the driver decides what to do.
class DiagnosticSink {
 public:
  Diagnostic& error(std::string code, SourceRange range, std::string message);
  Diagnostic& warning(std::string code, SourceRange range, std::string message);
  /// A diagnostic built elsewhere, such as one another sink collected.
  Diagnostic& add(Diagnostic diagnostic);
  bool has_errors() const { return error_count_ > 0; }
  std::size_t error_count() const { return error_count_; }
  const std::vector<Diagnostic>& all() const { return diagnostics_; }
  /// Stable order for output: by file, offset, then arrival.
  std::vector<Diagnostic> sorted() const;

 private:
  std::vector<Diagnostic> diagnostics_;
  std::size_t error_count_ = 0;
};

struct RenderOptions {
  bool color = false;
};

/// `file:line:col: error: message`, the source line, a caret with `~` under the range,
/// then each note the same way.
std::string render(const Diagnostic& diagnostic, const SourceManager& sources,
                   const RenderOptions& options = {});

/// Adds "; did you mean 'x'?" to the message and the suggestion, when a candidate is close.
void add_suggestion(Diagnostic& diagnostic, const std::string& word,
                    const std::vector<std::string>& candidates);

/// Levenshtein distance between `a` and `b`, ASCII letters compared without case.
std::size_t edit_distance(const std::string& a, const std::string& b);

/// "did you mean 'x'?" candidate: the closest name within a small edit distance, or "".
std::string closest_name(const std::string& word, const std::vector<std::string>& candidates);

}  // namespace policyc
