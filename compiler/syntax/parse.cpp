#include "compiler/syntax/parse.hpp"

#include <tao/pegtl/contrib/parse_tree.hpp>

#include "compiler/syntax/limits.hpp"
#include "compiler/syntax/parse_tree_to_ast.hpp"
#include "grammar/policy_errors.hpp"

namespace policyc {
namespace pegtl = tao::pegtl;

namespace {

// The first '#' on the line at `line_begin` that is outside a string, or npos.
std::size_t comment_start(const std::string& text, std::size_t line_begin, std::size_t line_end) {
  bool in_string = false;
  for (std::size_t i = line_begin; i < line_end; ++i) {
    char c = text[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '#') {
      return i;
    }
  }
  return std::string::npos;
}

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

const char* const kDeclarationKeywords[] = {"import", "const", "let",  "record", "manifest",
                                            "params", "set",   "rule", "output"};

bool starts_declaration(const std::string& text, std::size_t at) {
  for (const char* keyword : kDeclarationKeywords) {
    std::string_view k(keyword);
    if (text.compare(at, k.size(), k) == 0) {
      std::size_t after = at + k.size();
      if (after >= text.size() || is_blank(text[after])) return true;
    }
  }
  return false;
}

// Where to resume after a syntax error: the next line, after `from`, that starts with a
// declaration keyword in column 1.
std::size_t recovery_point(const std::string& text, std::size_t from) {
  std::size_t at = text.find('\n', from);
  while (at != std::string::npos) {
    ++at;
    if (starts_declaration(text, at)) return at;
    at = text.find('\n', at);
  }
  return text.size();
}

}  // namespace

std::uint32_t end_of_previous_token(const std::string& text, std::uint32_t offset,
                                    std::uint32_t floor) {
  // Nothing before `floor` is read, so finding the ends of many tokens on one long line
  // stays linear.
  std::size_t end = std::min<std::size_t>(offset, text.size());
  for (;;) {
    while (end > floor && is_blank(text[end - 1])) --end;
    if (end <= floor) break;
    std::size_t line_begin = end;
    while (line_begin > floor && text[line_begin - 1] != '\n') --line_begin;
    std::size_t comment = comment_start(text, line_begin, end);
    if (comment == std::string::npos) break;
    end = comment;
  }
  return static_cast<std::uint32_t>(end);
}

ast::PolicyFile parse_policy(const SourceManager& sources, FileId file, DiagnosticSink& diags) {
  const std::string& text = sources.file(file).text();
  ast::PolicyFile result;
  result.file = file;
  if (!check_policy_text(sources, file, diags)) return result;
  AstBuilder builder(file, text, result);
  std::size_t offset = text.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;  // a UTF-8 BOM
  while (offset < text.size()) {
    grammar::NestingInput<> in(text.data() + offset, text.data() + text.size(),
                               sources.file(file).name());
    try {
      auto root = pegtl::parse_tree::parse<grammar::next_declaration, ParseNode, ParseTreeSelector,
                                           pegtl::nothing, grammar::control>(in);
      if (root) builder.add_declarations(*root);
      std::size_t consumed = static_cast<std::size_t>(in.current() - (text.data() + offset));
      if (consumed == 0) break;
      offset += consumed;
    } catch (const pegtl::parse_error& e) {
      auto at = static_cast<std::uint32_t>(offset + e.positions().front().byte);
      if (in.nesting_refused_at == text.data() + at) {
        diags.error("E0801", {file, at, at + 1}, grammar::kNestingMessage);
        offset = recovery_point(text, at);
        continue;
      }
      std::string message(e.message());
      // A missing token is reported where the reader expects it: after the previous one.
      bool missing_token = message.rfind("expected ", 0) == 0 &&
                           message.rfind("expected a declaration", 0) != 0;
      std::uint32_t reported = missing_token ? end_of_previous_token(text, at) : at;
      diags.error("E0101", {file, reported, reported + 1}, message);
      offset = recovery_point(text, std::max<std::size_t>(at, offset));
    }
  }
  limit_expression_depth(result, diags);
  return result;
}

}  // namespace policyc
