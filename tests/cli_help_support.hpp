// What `policyc --help` and `policyc COMMAND --help` say, read back for the tests that
// keep the man page, README.md and .pre-commit-hooks.yaml in step with the binary.
#pragma once
#include <catch2/catch.hpp>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "cli/cli.hpp"

namespace policyc::testing {

inline std::string read_source(const std::string& relative) {
  std::ifstream in(std::string(POLICYC_SOURCE_DIR) + "/" + relative, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

struct CliRun {
  int code;
  std::string out, err;
};

/// Runs policyc in-process in the current directory.
inline CliRun run_policyc(std::vector<std::string> args) {
  args.insert(args.begin(), "policyc");
  std::vector<const char*> argv;
  for (const std::string& a : args) argv.push_back(a.c_str());
  std::ostringstream out, err;
  const int code = run_cli(static_cast<int>(argv.size()), argv.data(), out, err);
  return {code, out.str(), err.str()};
}

inline std::string help(std::vector<std::string> args) {
  args.push_back("--help");
  CliRun run = run_policyc(args);
  REQUIRE(run.code == 0);
  return run.out;
}

/// The first column of each line of a section of CLI11's help ("Subcommands:", ...).
inline std::vector<std::string> section_lines(const std::string& help_text,
                                              const std::string& heading) {
  std::vector<std::string> lines;
  std::istringstream in(help_text);
  bool inside = false;
  for (std::string line; std::getline(in, line);) {
    if (line == heading) {
      inside = true;
    } else if (inside && line.empty()) {
      break;
    } else if (inside && line.rfind("  ", 0) == 0 && line.size() > 2 && line[2] != ' ') {
      lines.push_back(line.substr(2, line.find("  ", 2) - 2));
    }
  }
  return lines;
}

/// The commands `policyc --help` lists.
inline std::vector<std::string> commands() {
  std::vector<std::string> names;
  for (const std::string& line : section_lines(help({}), "Subcommands:")) {
    names.push_back(line.substr(0, line.find(' ')));
  }
  return names;
}

/// The options a help lists: `-o,--output TEXT` gives -o and --output.
inline std::vector<std::string> options_of(const std::vector<std::string>& command) {
  std::vector<std::string> options;
  static const std::regex option("(^|,)(--?[A-Za-z][A-Za-z0-9-]*)");
  for (const std::string& line : section_lines(help(command), "Options:")) {
    const std::string names = line.substr(0, line.find(' '));
    for (std::sregex_iterator it(names.begin(), names.end(), option), end; it != end; ++it) {
      options.push_back((*it)[2]);
    }
  }
  return options;
}

/// The positionals a command's help lists: BOTTLE, DIR, ...
inline std::vector<std::string> positionals_of(const std::string& command) {
  std::vector<std::string> names;
  for (const std::string& line : section_lines(help({command}), "Positionals:")) {
    names.push_back(line.substr(0, line.find(' ')));
  }
  return names;
}

}  // namespace policyc::testing
