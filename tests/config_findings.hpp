// What `policyc validate` reports for a config text: the first line of each diagnostic,
// "line:col: severity: message [CODE]", in order.
#pragma once
#include <string>
#include <vector>

#include "base/diagnostic.hpp"
#include "pipelock/validate/validate_config.hpp"

namespace policyc::testing {

inline std::vector<std::string> findings(const std::string& yaml) {
  SourceManager sources;
  DiagnosticSink diags;
  const FileId file = sources.add("pipelock.yaml", yaml);
  validate_pipelock_config(sources, file, diags);
  std::vector<std::string> out;
  for (const Diagnostic& d : diags.sorted()) {
    const std::string rendered = render(d, sources);
    out.push_back(rendered.substr(0, rendered.find('\n')).substr(sizeof("pipelock.yaml:") - 1));
  }
  return out;
}

using Lines = std::vector<std::string>;

}  // namespace policyc::testing
