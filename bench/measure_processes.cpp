// policyc_measure RUNS -- COMMAND_A ... [-- COMMAND_B ...]...
//
// Whole-process figures: runs the commands in turn (A, B, A, B, ...) RUNS times each,
// so a noisy machine slows them alike, and prints per command the median, first and
// third quartile of the wall time, the median CPU time (user + system: what the command
// itself spent, less disturbed by other load than the wall time) and the largest peak
// resident set (wait4's ru_maxrss).
// stdout of the commands goes to /dev/null; a command that fails stops the measurement.
#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

extern char** environ;

namespace {

struct Figures {
  std::vector<double> wall_ms;
  std::vector<double> cpu_ms;
  long max_rss_kb = 0;
};

double milliseconds(const timeval& t) { return t.tv_sec * 1e3 + t.tv_usec / 1e3; }

double quantile(std::vector<double> values, double q) {
  std::sort(values.begin(), values.end());
  const double at = q * static_cast<double>(values.size() - 1);
  const auto low = static_cast<std::size_t>(at);
  const std::size_t high = std::min(low + 1, values.size() - 1);
  return values[low] + (values[high] - values[low]) * (at - static_cast<double>(low));
}

// Runs `argv` once with stdout on /dev/null; false when it cannot start or fails.
bool run_once(const std::vector<char*>& argv, Figures& figures) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  pid_t pid = 0;
  const auto start = std::chrono::steady_clock::now();
  const int spawned = posix_spawnp(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0) {
    std::fprintf(stderr, "policyc_measure: cannot run %s: %s\n", argv[0], std::strerror(spawned));
    return false;
  }
  int status = 0;
  struct rusage usage {};
  if (wait4(pid, &status, 0, &usage) != pid) return false;
  const auto end = std::chrono::steady_clock::now();
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    std::fprintf(stderr, "policyc_measure: %s failed (status %d)\n", argv[0], status);
    return false;
  }
  figures.wall_ms.push_back(std::chrono::duration<double, std::milli>(end - start).count());
  figures.cpu_ms.push_back(milliseconds(usage.ru_utime) + milliseconds(usage.ru_stime));
  figures.max_rss_kb = std::max(figures.max_rss_kb, usage.ru_maxrss);
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  const int runs = argc > 2 ? std::atoi(argv[1]) : 0;
  std::vector<std::vector<char*>> commands;
  for (int i = 2; i < argc; ++i) {
    if (std::strcmp(argv[i], "--") == 0) {
      commands.emplace_back();
    } else if (!commands.empty()) {
      commands.back().push_back(argv[i]);
    }
  }
  const bool usable = runs > 0 && !commands.empty() &&
                      std::none_of(commands.begin(), commands.end(),
                                   [](const std::vector<char*>& c) { return c.empty(); });
  if (!usable) {
    std::fprintf(stderr,
                 "usage: policyc_measure RUNS -- COMMAND ARGS... [-- COMMAND ARGS...]...\n");
    return 2;
  }
  for (auto& command : commands) command.push_back(nullptr);
  std::vector<Figures> figures(commands.size());
  for (int run = 0; run < runs; ++run) {
    for (std::size_t c = 0; c < commands.size(); ++c) {
      if (!run_once(commands[c], figures[c])) return 1;
    }
  }
  std::printf("%-6s %10s %10s %10s %10s %12s  command\n", "runs", "median_ms", "q1_ms", "q3_ms",
              "cpu_ms", "max_rss_kb");
  for (std::size_t c = 0; c < commands.size(); ++c) {
    std::string line;
    for (char* arg : commands[c]) {
      if (!arg) break;
      line += line.empty() ? "" : " ";
      line += arg;
    }
    std::printf("%-6d %10.3f %10.3f %10.3f %10.3f %12ld  %s\n", runs,
                quantile(figures[c].wall_ms, 0.5), quantile(figures[c].wall_ms, 0.25),
                quantile(figures[c].wall_ms, 0.75), quantile(figures[c].cpu_ms, 0.5),
                figures[c].max_rss_kb, line.c_str());
  }
  return 0;
}
