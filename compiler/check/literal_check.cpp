#include "compiler/check/literal_check.hpp"

#include <fmt/format.h>

#include "base/hostname.hpp"

namespace policyc {

namespace {

// The problem's characters inside the literal; exact when the literal has no escapes.
SourceRange problem_range(const ast::Expr& literal, const InputProblem& problem) {
  SourceRange range = literal.range;
  if (problem.length == 0 || range.end - range.begin != literal.text.size() + 2) return range;
  range.begin += 1 + static_cast<std::uint32_t>(problem.offset);
  range.end = range.begin + static_cast<std::uint32_t>(problem.length);
  return range;
}

void report(CheckContext& context, const ast::Expr& literal, const InputProblem& problem,
            const char* what) {
  Diagnostic& d = context.diags.error(
      "E0214", problem_range(literal, problem),
      fmt::format("\"{}\" is not a valid {}: {}", literal.text, what, problem.message));
  if (!problem.suggestion.empty()) {
    d.suggestion = problem.suggestion;
    d.message += fmt::format("; did you mean \"{}\"?", problem.suggestion);
  }
}

}  // namespace

void check_string_literal(CheckContext& context, ast::Expr& literal, const Type& target) {
  switch (target.kind) {
    case Type::Kind::Hostname: {
      std::string normalized;
      if (auto problem = check_hostname(literal.text, normalized)) {
        report(context, literal, *problem, "hostname");
      } else {
        literal.text = normalized;
      }
      break;
    }
    case Type::Kind::Cidr: {
      std::string canonical;
      if (auto problem = check_cidr(literal.text, canonical)) report(context, literal, *problem, "CIDR");
      break;
    }
    case Type::Kind::Path:
      if (auto problem = check_path(literal.text)) report(context, literal, *problem, "path");
      break;
    case Type::Kind::Enum: {
      for (const std::string& value : target.enum_values) {
        if (value == literal.text) return;
      }
      std::vector<std::string> quoted;
      for (const std::string& value : target.enum_values) quoted.push_back("\"" + value + "\"");
      Diagnostic& d = context.diags.error(
          "E0214", literal.range,
          fmt::format("\"{}\" is not one of {}", literal.text, fmt::join(quoted, ", ")));
      std::string best = closest_name(literal.text, target.enum_values);
      if (!best.empty()) {
        d.suggestion = best;
        d.message += fmt::format("; did you mean \"{}\"?", best);
      }
      break;
    }
    default: break;
  }
}

}  // namespace policyc
