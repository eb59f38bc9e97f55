#include "cli/batch/batch_compile.hpp"

#include <fmt/format.h>
#include <sched.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <exception>
#include <filesystem>
#include <mutex>
#include <sstream>
#include <thread>

#include "cli/batch/batch_inputs.hpp"
#include "cli/batch/batch_progress.hpp"
#include "cli/cli.hpp"
#include "cli/output_format.hpp"
#include "runtime/input/params_reader.hpp"
#include "base/staged_writes.hpp"

namespace policyc {

namespace {

namespace fs = std::filesystem;

// The policy and parameters every bottle shares: built once, then only read.
struct SharedPolicy {
  SourceManager sources;  // the policy files and the command line
  std::unique_ptr<ir::Program> program;
  Value params;
};

struct Outcome {
  bool done = false;
  bool ok = false;
  std::string report;  // the bottle's diagnostics, rendered
};

unsigned usable_cores() {
  cpu_set_t set;
  if (sched_getaffinity(0, sizeof set, &set) == 0 && CPU_COUNT(&set) > 0) {
    return static_cast<unsigned>(CPU_COUNT(&set));  // honours taskset and cpusets
  }
  return std::max(1u, std::thread::hardware_concurrency());
}

// Before compiling: an --out-dir that exists must be a folder. A missing one is created
// by the first config written (OutDir::ensure), so a batch where every bottle fails
// leaves nothing behind.
std::string check_out_dir(const std::string& dir) {
  std::error_code ec;
  if (fs::exists(dir, ec) && !fs::is_directory(dir, ec)) {
    return fmt::format("cannot write configs into '{}': it is not a directory", dir);
  }
  return "";
}

class OutDir {
 public:
  explicit OutDir(std::string dir) : dir_(std::move(dir)) {}

  // "" once the folder exists, or why it could not be created; tried once.
  std::string ensure() {
    std::lock_guard<std::mutex> lock(mutex_);
    if (tried_) return error_;
    tried_ = true;
    std::error_code ec;
    fs::create_directories(dir_, ec);
    if (ec) {
      error_ = fmt::format("cannot create the output directory '{}': {}", dir_, ec.message());
    }
    return error_;
  }

 private:
  std::string dir_;
  std::mutex mutex_;
  bool tried_ = false;
  std::string error_;
};

class Batch {
 public:
  Batch(const BatchRequest& request, const SharedPolicy& policy, CommandIo& io)
      : request_(request), policy_(policy), io_(io), out_dir_(request.out_dir) {
    per_bottle_ = request.diagnostics;
    // Reports are rendered into strings, never a terminal: decide the colour here.
    per_bottle_.color = use_color(request.diagnostics, io.err) ? "always" : "never";
  }

  // Compiles every bottle; returns how many failed.
  std::size_t run(const std::vector<BatchBottle>& bottles) {
    outcomes_.assign(bottles.size(), Outcome());
    const unsigned threads = static_cast<unsigned>(std::min<std::size_t>(
        request_.threads ? request_.threads : usable_cores(), bottles.size()));
    std::vector<std::thread> workers;
    for (unsigned t = 0; t < threads; ++t) workers.emplace_back([&] { work(bottles); });
    print_in_order(bottles.size());
    for (std::thread& worker : workers) worker.join();
    if (error_) std::rethrow_exception(error_);
    for (const StagedWrites::Failure& failure : writes_.commit()) {
      DiagnosticSink diags;
      diags.error("E0905", {}, failure.message);
      print_diagnostics(policy_.sources, diags, per_bottle_, io_.err);
      ++failed_;
    }
    return failed_;
  }

 private:
  void work(const std::vector<BatchBottle>& bottles) {
    for (std::size_t i = next_++; i < bottles.size(); i = next_++) {
      Outcome outcome;
      try {
        outcome = compile_one(bottles[i]);
      } catch (...) {
        std::lock_guard<std::mutex> lock(mutex_);
        if (!error_) error_ = std::current_exception();
      }
      {
        std::lock_guard<std::mutex> lock(mutex_);
        outcome.done = true;
        failed_ += outcome.ok ? 0 : 1;
        ++finished_;
        outcomes_[i] = std::move(outcome);
      }
      ready_.notify_one();
    }
  }

  Outcome compile_one(const BatchBottle& bottle) {
    Outcome outcome;
    if (bottle.excluded) return outcome;      // reported with the inputs (E0902)
    SourceManager sources = policy_.sources;  // shares the policy's files
    DiagnosticSink diags;
    std::optional<Compiled> compiled;
    if (std::optional<FileId> file = add_bottle_file(bottle.path, sources, diags)) {
      compiled = compile_prepared(*policy_.program, policy_.params, *file, sources, diags);
    }
    if (compiled) {
      const std::string text = request_.render ? request_.render(*compiled) : compiled->yaml;
      if (std::string error = out_dir_.ensure(); !error.empty()) {
        diags.error("E0904", {}, error);
      } else if (error = writes_.stage(bottle.output, text); !error.empty()) {
        diags.error("E0905", {}, error);
      } else {
        outcome.ok = true;
      }
    }
    std::ostringstream report;
    print_diagnostics(sources, diags, per_bottle_, report);
    outcome.report = report.str();
    return outcome;
  }

  // Each bottle's report as soon as it and every bottle before it are done, so the
  // output is the same whichever thread finishes first.
  void print_in_order(std::size_t total) {
    BatchProgress progress(io_.err, progress_wanted(io_.err), total);
    std::size_t printed = 0;
    std::unique_lock<std::mutex> lock(mutex_);
    while (printed < total) {
      ready_.wait_for(lock, std::chrono::milliseconds(100),
                      [&] { return outcomes_[printed].done; });
      std::string text;
      for (; printed < total && outcomes_[printed].done; ++printed) {
        text += outcomes_[printed].report;
        outcomes_[printed].report.clear();
      }
      const std::size_t finished = finished_, failed = failed_;
      lock.unlock();
      if (!text.empty()) {
        progress.clear();
        io_.err << text;
      }
      progress.update(finished, failed, !text.empty());
      lock.lock();
    }
    lock.unlock();
    progress.clear();
  }

  const BatchRequest& request_;
  const SharedPolicy& policy_;
  CommandIo& io_;
  DiagnosticOptions per_bottle_;
  OutDir out_dir_;
  StagedWrites writes_;
  std::atomic<std::size_t> next_{0};
  std::mutex mutex_;
  std::condition_variable ready_;
  std::vector<Outcome> outcomes_;
  std::size_t finished_ = 0;
  std::size_t failed_ = 0;
  std::exception_ptr error_;
};

}  // namespace

int run_batch_compile(const BatchRequest& request, CommandIo& io) {
  SharedPolicy policy;
  DiagnosticSink setup;
  // One policy for the batch: --policy, or the project of the first input (or of the
  // current directory), or the shipped one.
  std::optional<PolicyChoice> choice = choose_policy(
      request.policy_path, request.inputs.empty() ? "" : request.inputs.front(), policy.sources,
      setup);
  if (choice) policy.program = load_program(*choice, policy.sources, setup);
  if (policy.program) {
    std::vector<SourceRange> ranges = add_command_line_source(
        policy.sources, params_with_defaults(*choice, request.params));
    policy.params = read_params(ranges, *policy.program->params, policy.sources, setup);
  }
  if (!setup.has_errors()) {
    std::string error = check_out_dir(request.out_dir);
    if (!error.empty()) setup.error("E0904", {}, error);
  }
  if (setup.has_errors()) {
    print_diagnostics(policy.sources, setup, request.diagnostics, io.err);
    return kExitInvalid;
  }
  std::vector<BatchBottle> bottles =
      collect_bottles(request.inputs, request.out_dir, request.extension, setup);
  exclude_output_conflicts(bottles, setup);
  print_diagnostics(policy.sources, setup, request.diagnostics, io.err);

  const std::size_t failed = Batch(request, policy, io).run(bottles);
  if (failed > 0) {
    DiagnosticSink summary;
    summary.error("E0901", {},
                  fmt::format("{} of {} bottle{} failed; {} not written", failed, bottles.size(),
                              bottles.size() == 1 ? "" : "s",
                              failed == 1 ? "its config was" : "their configs were"));
    print_diagnostics(policy.sources, summary, request.diagnostics, io.err);
  }
  return failed > 0 || setup.has_errors() ? kExitInvalid : kExitOk;
}

int run_compile_batch(const CompileCommandBatch& options, CommandIo& io) {
  const char* usage = nullptr;
  if (options.out_dir.empty()) {
    usage = "several bottles need --out-dir DIR";
  } else if (!options.output.empty()) {
    usage = "--out-dir and -o,--output cannot be used together";
  } else if (options.annotate) {
    usage = "--annotate applies to one bottle, not to --out-dir";
  }
  const auto& more = options.more;
  if (!usage && (options.bottle.bottle == kStdioPath ||
                 std::find(more.begin(), more.end(), kStdioPath) != more.end())) {
    usage =
        "with --out-dir, a bottle cannot be standard input (-): its config is named "
        "after its file";
  }
  if (usage) {
    io.err << "policyc: error: " << usage << "\nRun 'policyc --help' for usage.\n";
    return kExitUsage;
  }
  BatchRequest request;
  request.inputs.push_back(options.bottle.bottle);
  request.inputs.insert(request.inputs.end(), options.more.begin(), options.more.end());
  request.out_dir = options.out_dir;
  request.policy_path = options.bottle.policy;
  request.params = options.bottle.params;
  request.diagnostics = options.diagnostics;
  request.extension = "." + options.format;
  request.render = [format = options.format](const Compiled& compiled) {
    return config_text(compiled, format);
  };
  return run_batch_compile(request, io);
}

}  // namespace policyc
