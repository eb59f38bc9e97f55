// Silencing lints in the policy:
//
//   # policyc: allow W0601, W0605 -- kept for the launcher
//   const LEGACY_HOSTS: list<hostname> = [...]
//
// A directive silences the named warnings on its own line (after code) or, alone on a
// line, on the next line that holds code. Only warnings can be silenced.
#include "compiler/lint/suppressions.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>

#include <re2/re2.h>

#include "compiler/syntax/comments.hpp"
#include "base/error_docs.hpp"

namespace policyc {

namespace {

struct AllowedCode {
  std::string code;
  SourceRange range;  // the code inside the comment
  bool used = false;
};

struct Directive {
  unsigned line = 0;  // the line it applies to
  std::vector<AllowedCode> codes;
};

std::vector<std::string> warning_codes() {
  std::vector<std::string> codes;
  for (const ErrorDoc& doc : error_docs()) {
    if (doc.code[0] == 'W') codes.push_back(doc.code);
  }
  return codes;
}

// The line a directive alone on `line` applies to: the next one with code, past other
// comment lines; an empty line in between detaches it (0: no line).
unsigned next_code_line(const SourceFile& file, unsigned line) {
  for (unsigned next = line + 1; next <= file.line_count(); ++next) {
    std::string_view text = file.line_text(next);
    std::size_t first = text.find_first_not_of(" \t\r");
    if (first == std::string_view::npos) return 0;
    if (text[first] != '#') return next;
  }
  return 0;
}

// Parses `# policyc: allow CODE[, CODE...] [reason]`; reports what is malformed.
std::optional<Directive> parse_directive(const SourceFile& file, FileId id, const Comment& comment,
                                         DiagnosticSink& diags) {
  static const re2::RE2 prefix(R"(#\s*policyc\s*:\s*)");
  static const re2::RE2 allow(R"(allow\b\s*)");
  static const re2::RE2 code(R"(([A-Za-z][0-9]+)\b\s*,?\s*)");
  const std::string text = comment_text(file.text(), comment);
  re2::StringPiece rest(text);  // Consume matches at its start and moves it past the match
  if (!re2::RE2::Consume(&rest, prefix)) return std::nullopt;
  const SourceRange whole{id, comment.begin,
                          static_cast<std::uint32_t>(comment.begin + text.size())};
  if (!re2::RE2::Consume(&rest, allow)) {
    diags.warning("W0613", whole,
                  "unknown policyc directive; write '# policyc: allow W0601' to silence a warning");
    return std::nullopt;
  }
  Directive directive;
  bool refused = false;  // a code was named but is not one that can be silenced
  const std::vector<std::string> known = warning_codes();
  for (;;) {
    const auto begin = static_cast<std::uint32_t>(comment.begin + text.size() - rest.size());
    std::string name;
    if (!re2::RE2::Consume(&rest, code, &name)) break;
    const SourceRange range{id, begin, begin + static_cast<std::uint32_t>(name.size())};
    if (std::find(known.begin(), known.end(), name) != known.end()) {
      directive.codes.push_back({name, range, false});
      continue;
    }
    refused = true;
    if (name[0] == 'E' && find_error_doc(name)) {
      diags.warning("W0613", range,
                    fmt::format("'{}' is an error; only warnings can be silenced", name));
    } else {
      Diagnostic& d = diags.warning("W0613", range, fmt::format("unknown warning code '{}'", name));
      add_suggestion(d, name, known);
    }
  }
  if (directive.codes.empty()) {
    if (!refused) {
      diags.warning("W0613", whole, "'policyc: allow' names no warning code, such as W0601");
    }
    return std::nullopt;
  }
  const LineCol at_line = file.line_col(comment.begin);
  directive.line = comment.own_line ? next_code_line(file, at_line.line) : at_line.line;
  return directive;
}

}  // namespace

void apply_suppressions(const SourceManager& sources, const std::vector<FileId>& files,
                        DiagnosticSink& diags) {
  DiagnosticSink directive_diags;
  std::map<std::pair<FileId, unsigned>, std::vector<Directive>> directives;  // by target line
  for (FileId id : files) {
    const SourceFile& file = sources.file(id);
    for (const Comment& comment : scan_comments(file.text())) {
      if (auto directive = parse_directive(file, id, comment, directive_diags)) {
        directives[{id, directive->line}].push_back(std::move(*directive));
      }
    }
  }
  DiagnosticSink kept;
  for (const Diagnostic& d : diags.all()) {
    bool silenced = false;
    if (d.severity == Severity::Warning && d.range.valid()) {
      const unsigned line = sources.file(d.range.file).line_col(d.range.begin).line;
      auto here = directives.find({d.range.file, line});
      if (here != directives.end()) {
        for (Directive& directive : here->second) {
          for (AllowedCode& allowed : directive.codes) {
            if (allowed.code != d.code) continue;
            allowed.used = true;
            silenced = true;
          }
        }
      }
    }
    if (silenced) continue;
    Diagnostic& copy = d.severity == Severity::Error ? kept.error(d.code, d.range, d.message)
                                                     : kept.warning(d.code, d.range, d.message);
    copy.severity = d.severity;
    copy.notes = d.notes;
    copy.suggestion = d.suggestion;
  }
  for (const Diagnostic& d : directive_diags.all()) {
    kept.warning(d.code, d.range, d.message).suggestion = d.suggestion;
  }
  for (auto& [line, list] : directives) {
    for (const Directive& directive : list) {
      for (const AllowedCode& allowed : directive.codes) {
        if (allowed.used) continue;
        kept.warning("W0614", allowed.range,
                     fmt::format("'policyc: allow {}' silences nothing: no {} warning on the line "
                                 "it applies to",
                                 allowed.code, allowed.code));
      }
    }
  }
  diags = std::move(kept);
}

}  // namespace policyc
