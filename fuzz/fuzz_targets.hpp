// The fuzz targets, as plain functions: each libFuzzer harness in fuzz/*_fuzz.cpp calls
// one, and the normal test suite replays every saved input of fuzz/regressions/ through
// the same function. A target returns "" when its invariants hold, or what broke;
// crashes, leaks and undefined behaviour are the sanitizers' to report.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace policyc::fuzz {

using Target = std::string (*)(std::string_view input);

/// Parses and checks the input as the entry policy (it may import the shipped files).
std::string policy_target(std::string_view input);
/// Reads the input as a bottle manifest against the shipped schema; the first byte
/// picks YAML or Markdown front matter.
std::string manifest_target(std::string_view input);
/// The whole compile path: shipped policy, fuzzed manifest. Whatever compiles must
/// read back as intended and pass `validate`.
std::string compile_manifest_target(std::string_view input);
/// The whole compile path: fuzzed policy, a fixed manifest that uses every feature.
std::string compile_policy_target(std::string_view input);
/// `fmt`: the output parses to the same AST, and formatting it again changes nothing.
std::string fmt_target(std::string_view input);
/// `validate` on arbitrary YAML.
std::string validate_target(std::string_view input);

/// `policyc lsp` reading the input as its standard input: whatever a client sends, the
/// server ends, and every message it writes is framed JSON.
std::string lsp_target(std::string_view input);

/// The target named `name` (a harness name without "_fuzz"), or nullptr.
Target find_target(std::string_view name);

}  // namespace policyc::fuzz
