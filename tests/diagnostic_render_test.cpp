// Rendering of diagnostics: the quoted line and the caret under tabs, wide and invisible
// characters and very long lines; JSON; the homograph judgement behind W0610.
#include <stdlib.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <iostream>
#include <sstream>

#include "cli/commands.hpp"
#include "base/diagnostic_json.hpp"
#include "base/json_writer.hpp"
#include "compiler/lint/homograph.hpp"
#include "base/source_excerpt.hpp"
#include "base/value_prefix.hpp"

using namespace policyc;

TEST_CASE("tabs are expanded to the next multiple of eight and the caret follows") {
  SourceExcerpt e = make_excerpt("a\tbc\td", 5, 6);
  CHECK(e.line == "a       bc      d");
  CHECK(e.caret_column == 16);
  CHECK(e.mark_width == 1);
}

TEST_CASE("wide characters take two columns, combining marks none") {
  SourceExcerpt e = make_excerpt("\"日本\" x", 9, 10);  // the x after two 3-byte characters
  CHECK(e.caret_column == 7);
  SourceExcerpt wide = make_excerpt("\"日本\"", 1, 7);
  CHECK(wide.caret_column == 1);
  CHECK(wide.mark_width == 4);
  SourceExcerpt combining = make_excerpt("e\xCC\x81x", 3, 4);  // e + U+0301, then x
  CHECK(combining.caret_column == 1);
}

TEST_CASE("control, bidirectional and invalid bytes are shown, never sent to the terminal") {
  CHECK(printable_text("a\x1b[31mb") == "a<U+001B>[31mb");
  CHECK(printable_text("x\xE2\x80\xAEy") == "x<U+202E>y");
  CHECK(printable_text("bad\xFFz") == "bad<FF>z");
  CHECK(printable_text("tab\tstays") == "tab\tstays");
  SourceExcerpt e = make_excerpt(
      "\x1b"
      "ab",
      1, 2);
  CHECK(e.line == "<U+001B>ab");
  CHECK(e.caret_column == 8);
}

TEST_CASE("a very long line is cut to a window around the caret") {
  std::string line(500, 'a');
  line.replace(300, 3, "BAD");
  SourceExcerpt e = make_excerpt(line, 300, 303);
  CHECK(e.line.size() == 3 + 160 + 3);
  CHECK(e.line.substr(0, 3) == "...");
  CHECK(e.line.substr(e.line.size() - 3) == "...");
  CHECK(e.line.substr(e.caret_column, 3) == "BAD");
  CHECK(e.mark_width == 3);
  SourceExcerpt start = make_excerpt(line, 0, 1);
  CHECK(start.line.substr(0, 3) == "aaa");
  CHECK(start.caret_column == 0);
  SourceExcerpt end = make_excerpt(line, 499, 500);
  CHECK(end.line.substr(end.line.size() - 3) != "...");
  CHECK(end.caret_column == end.line.size() - 1);
}

TEST_CASE("an excerpt of a huge line reads only near the mark") {
  // 16 MiB of NUL bytes, each shown as 8 columns: laid out whole, this took gigabytes.
  std::string line(16u << 20, '\0');
  line.replace(line.size() - 100, 3, "BAD");
  SourceExcerpt e = make_excerpt(line, line.size() - 100, line.size() - 97);
  CHECK(e.line.substr(0, 3) == "...");
  CHECK(e.line.substr(e.line.size() - 3) == "...");
  CHECK(e.line.substr(e.caret_column, 3) == "BAD");
  CHECK(e.mark_width == 3);
  CHECK(e.line.size() <= 3 + 160 + 3);
  // The same window as a line that holds only the bytes around the mark.
  const std::string near = line.substr(line.size() - 1124);
  SourceExcerpt local = make_excerpt(near, near.size() - 100, near.size() - 97);
  CHECK(e.line == local.line);
  CHECK(e.caret_column == local.caret_column);
  // A mark at the very end of a huge line: the line is not cut after it.
  SourceExcerpt end = make_excerpt(line, line.size(), line.size());
  CHECK(end.line.substr(0, 3) == "...");
  CHECK(end.line.substr(end.line.size() - 3) != "...");
}

TEST_CASE("a message quotes a long value as a prefix, not cutting a character") {
  CHECK(value_prefix(std::string(63, 'a')) == std::string(63, 'a'));
  CHECK(value_prefix(std::string(4u << 20, 'a')) == std::string(20, 'a') + "...");
  // 19 bytes, then a 3-byte character across the cut: it is left out whole.
  CHECK(value_prefix(std::string(19, 'a') + "\xE2\x82\xAC" + std::string(60, 'b')) ==
        std::string(19, 'a') + "...");
}

TEST_CASE("a caret past the end of the line marks one column after it") {
  SourceExcerpt e = make_excerpt("abc", 3, 3);
  CHECK(e.caret_column == 3);
  CHECK(e.mark_width == 1);
}

TEST_CASE("diagnostics as JSON quote by the one rule: controls escaped, bad UTF-8 replaced") {
  SourceManager sources;
  Diagnostic d{Severity::Warning, "W1", {}, "a\"b\\c\n\x01\r 日本 bad\xFF \xE2\x80\xA8", {}, "", {}};
  CHECK(render_json(d, sources) ==
        R"({"code":"W1","severity":"warning","message":"a\"b\\c\n\u0001\r 日本 bad)"
        "\xEF\xBF\xBD"
        R"( \u2028","file":null,"range":null,"notes":[],"suggestion":null,"fixes":[]})"
        "\n");
}

TEST_CASE("a diagnostic as JSON has its range, notes and suggestion") {
  SourceManager sources;
  FileId id = sources.add("p.policy", "const X = 1\nconst X = 2\n");
  Diagnostic d{Severity::Error, "E0201", {id, 18, 19}, "constant 'X' is already defined", {}, "", {}};
  d.notes.push_back({{id, 6, 7}, "first defined here"});
  d.notes.push_back({{}, "no location"});
  CHECK(render_json(d, sources) ==
        R"({"code":"E0201","severity":"error","message":"constant 'X' is already defined",)"
        R"("file":"p.policy","range":{"start":{"line":2,"column":7},"end":{"line":2,"column":8}},)"
        R"("notes":[{"message":"first defined here","file":"p.policy","range":{"start":{"line":1,)"
        R"("column":7},"end":{"line":1,"column":8}}},{"message":"no location","file":null,)"
        R"("range":null}],"suggestion":null,"fixes":[]})"
        "\n");
}

TEST_CASE("a diagnostic's fix is in its JSON as a replacement of a range by a text") {
  SourceManager sources;
  FileId id = sources.add("bottle.yaml", "egress_proxy:\n  routes: []\n");
  Diagnostic d{Severity::Warning, "W0330", {id, 0, 12}, "renamed", {}, "egress", {}};
  d.fixes.push_back({{id, 0, 12}, "egress"});
  CHECK(render_json(d, sources) ==
        R"({"code":"W0330","severity":"warning","message":"renamed","file":"bottle.yaml",)"
        R"("range":{"start":{"line":1,"column":1},"end":{"line":1,"column":13}},"notes":[],)"
        R"("suggestion":"egress","fixes":[{"file":"bottle.yaml","range":{"start":{"line":1,)"
        R"("column":1},"end":{"line":1,"column":13}},"text":"egress"}]})"
        "\n");
}

TEST_CASE("text edits apply in offset order, a repeated or overlapping edit once") {
  const std::string text = "a: 1\nbb: 2\n";
  CHECK(apply_text_edits(text, {}) == text);
  CHECK(apply_text_edits(text, {{{0, 5, 7}, "cc"}, {{0, 0, 1}, "x"}}) == "x: 1\ncc: 2\n");
  CHECK(apply_text_edits(text, {{{0, 5, 7}, "cc"}, {{0, 5, 7}, "cc"}}) == "a: 1\ncc: 2\n");
  CHECK(apply_text_edits(text, {{{0, 5, 7}, "cc"}, {{0, 6, 8}, "zz"}}) == "a: 1\ncc: 2\n");
  CHECK(apply_text_edits(text, {{{0, 5, 70}, "cc"}}) == text);
}

TEST_CASE("homographs: whole-script lookalikes and mixed scripts, not ordinary names") {
  Homograph cyrillic = find_homograph("аррӏе");
  CHECK(cyrillic.looks_like == "apple");
  CHECK_FALSE(cyrillic.mixed_scripts);
  Homograph mixed = find_homograph("аpple");
  CHECK(mixed.mixed_scripts);
  CHECK(mixed.scripts == "Cyrillic and Latin");
  Homograph german = find_homograph("bücher");
  CHECK(german.looks_like.empty());
  CHECK_FALSE(german.mixed_scripts);
}

TEST_CASE("color: always and never as told, auto only on a terminal and without NO_COLOR") {
  std::ostringstream not_a_terminal;
  DiagnosticOptions options;
  options.color = "always";
  ::setenv("NO_COLOR", "1", 1);
  CHECK(use_color(options, not_a_terminal));  // an explicit flag wins over NO_COLOR
  options.color = "never";
  CHECK_FALSE(use_color(options, not_a_terminal));
  options.color = "auto";
  CHECK_FALSE(use_color(options, not_a_terminal));
  CHECK_FALSE(use_color(options, std::cerr));  // NO_COLOR is set
  ::unsetenv("NO_COLOR");
  CHECK_FALSE(use_color(options, not_a_terminal));
  CHECK(use_color(options, std::cerr) == (::isatty(STDERR_FILENO) == 1));
}
