// Shell completion: what may come next on a policyc command line. The bash and zsh
// scripts in completions/ run `policyc __complete WORD...` and show what this computes.
#pragma once
#include <CLI/CLI.hpp>
#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace policyc {

/// A launch parameter of the policy, as completion offers it after `--param`.
struct CompletionParam {
  std::string name;
  std::string type;                 // as written in the policy: "path?", "list<cidr>"
  std::vector<std::string> values;  // every value it can take, when few (enum, bool)
  bool is_path = false;             // a file name follows `NAME=`
};

/// What completion reads besides the command line itself.
struct CompletionSources {
  /// The parameters of the policy at a path ("" for the shipped policy).
  std::function<std::vector<CompletionParam>(const std::string& policy_path)> params;
  /// Every diagnostic code with its title, for `errors CODE`.
  std::function<std::vector<std::pair<std::string, std::string>>()> error_codes;
};

struct Completion {
  enum class Files { None, Any, Dirs };
  std::vector<std::pair<std::string, std::string>> candidates;  // word, description
  Files files = Files::None;            // the shell also offers file or folder names
  std::vector<std::string> extensions;  // of the files offered; empty: every file
  std::string prefix;     // with files: the start of the word before the file name ("NAME=")
  bool no_space = false;  // the word goes on after a candidate ("NAME=")
};

/// What may replace the last of `words` (the words after `policyc`, the last one the
/// partial word under the cursor, possibly empty). Commands and options come from
/// `root`, the configured command line, so hidden commands stay hidden.
Completion complete_words(const CLI::App& root, const std::vector<std::string>& words,
                          const CompletionSources& sources);

/// The protocol the scripts read, one line each: `WORD<TAB>DESCRIPTION` candidates,
/// then directives `:files [EXT...]`, `:dirs`, `:prefix TEXT`, `:nospace`.
std::string render_completion(const Completion& completion);

/// What `policyc __complete WORDS...` prints: the rendered completion of `words`, with
/// the parameters of the policy on the line and the documented diagnostic codes
/// (defined in cli/commands/complete.cpp, which reads both).
std::string complete_line(const CLI::App& root, const std::vector<std::string>& words);

}  // namespace policyc
