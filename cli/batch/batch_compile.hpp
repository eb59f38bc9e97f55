// `policyc compile --out-dir DIR BOTTLES...`: a fleet in one process. The policy and
// the parameters are checked once; bottles compile in parallel on every core the
// process may use; each config is written atomically to DIR/<name>.yaml (<name>: the
// bottle's file name without its extension). A bad bottle is reported, with all its
// diagnostics together and in the order the bottles were given, and the others go on;
// the exit code is 1 when any failed.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "pipeline/driver.hpp"

namespace policyc {

struct BatchRequest {
  std::vector<std::string> inputs;  // bottle files and folders of bottles
  std::string out_dir;
  std::string policy_path;          // empty: the project's policy, else the shipped one
  std::vector<std::string> params;  // NAME=VALUE, the same for every bottle
  DiagnosticOptions diagnostics;
  std::string extension = ".yaml";                     // of each written config
  std::function<std::string(const Compiled&)> render;  // a config's text; empty: its YAML
  unsigned threads = 0;                                // 0: one per usable core
};

/// Runs the batch and returns the exit code.
int run_batch_compile(const BatchRequest& request, CommandIo& io);

/// What `compile` options ask for a batch: the bottles are `bottle.bottle` and `more`.
struct CompileCommandBatch {
  const BottleOptions& bottle;
  const std::vector<std::string>& more;
  const std::string& out_dir;
  const std::string& output;  // -o: not with --out-dir
  const std::string& format;  // yaml or json: the text and extension of each config
  bool annotate;              // --annotate: not with --out-dir
  const DiagnosticOptions& diagnostics;
};

/// `compile --out-dir` (or several bottles): refuses combinations that make no sense
/// (exit 2), then runs the batch.
int run_compile_batch(const CompileCommandBatch& options, CommandIo& io);

}  // namespace policyc
