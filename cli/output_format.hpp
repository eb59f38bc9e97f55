// `--format yaml|json` of `compile` and `summary`: the same result, for people or for
// programs.
#pragma once
#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "pipeline/driver.hpp"

namespace policyc {

/// Adds `--format FORMAT` to a command: one of `formats`, the first the default (set into
/// `format`); any other is a usage error (exit 2).
void add_format_option(CLI::App& command, std::string& format,
                       const std::vector<std::string>& formats = {"yaml", "json"});

/// The config as `compile` prints it: the pipelock YAML, or the same config as JSON.
std::string config_text(const Compiled& compiled, const std::string& format);

/// The allowlist summary as `summary` prints it: the one-line preflight text, or a
/// JSON object `{"count": N, "hosts": [...], "summary": "..."}` with every host.
std::string summary_text(const Compiled& compiled, const std::string& format);

}  // namespace policyc
