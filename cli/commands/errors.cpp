// `policyc errors [CODE]`: the explanation of a diagnostic code, from docs/errors.md.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <memory>

#include "cli/cli.hpp"
#include "cli/commands.hpp"
#include "base/diagnostic.hpp"
#include "base/error_docs.hpp"

namespace policyc {

namespace {

int run_errors(const std::string& requested, CommandIo& io) {
  const std::vector<ErrorDoc>& docs = error_docs();
  if (requested.empty()) {
    // By code, whatever order docs/errors.md groups its sections in.
    std::vector<const ErrorDoc*> sorted;
    for (const ErrorDoc& doc : docs) sorted.push_back(&doc);
    std::sort(sorted.begin(), sorted.end(),
              [](const ErrorDoc* a, const ErrorDoc* b) { return a->code < b->code; });
    for (const ErrorDoc* doc : sorted) io.out << fmt::format("{}  {}\n", doc->code, doc->title);
    return kExitOk;
  }
  std::string code = requested;
  std::transform(code.begin(), code.end(), code.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  if (const ErrorDoc* doc = find_error_doc(code)) {
    io.out << fmt::format("{}: {}\n\n{}", doc->code, doc->title, doc->body);
    return kExitOk;
  }
  std::vector<std::string> codes;
  for (const ErrorDoc& doc : docs) codes.push_back(doc.code);
  std::string hint = closest_name(code, codes);
  io.err << fmt::format(
      "policyc: error: no diagnostic code '{}'{}; run 'policyc errors' for the "
      "list\n",
      requested, hint.empty() ? "" : fmt::format(" (did you mean '{}'?)", hint));
  return kExitUsage;
}

}  // namespace

Command add_errors_command(CLI::App& app) {
  auto code = std::make_shared<std::string>();
  CLI::App* command = app.add_subcommand(
      "errors", "explain a diagnostic code (E0203), or list every code without one");
  command->add_option("CODE", *code, "a code such as E0203 or W0601");
  return {command, [code](CommandIo& io) { return run_errors(*code, io); }};
}

}  // namespace policyc
