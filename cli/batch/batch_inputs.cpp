#include "cli/batch/batch_inputs.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <set>

namespace policyc {

namespace fs = std::filesystem;

namespace {

bool is_bottle_name(const std::string& name) {
  if (name.empty() || name[0] == '.') return false;
  std::string lower = name;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const char* suffix : {".yaml", ".yml", ".md", ".markdown"}) {
    const std::string s(suffix);
    if (lower.size() > s.size() && lower.compare(lower.size() - s.size(), s.size(), s) == 0) {
      return true;
    }
  }
  return false;
}

// Where a file is, for "named twice" and for conflicts: its folder's canonical path and
// its name. Folders are resolved once each, so a fleet of thousands costs a few calls.
class Identities {
 public:
  std::string of(const std::string& path) {
    const fs::path p(path);
    const std::string folder = p.parent_path().string();
    auto [it, inserted] = folders_.emplace(folder, std::string());
    if (inserted) {
      std::error_code ec;
      fs::path canonical = fs::weakly_canonical(folder.empty() ? "." : folder, ec);
      it->second = ec ? folder : canonical.string();
    }
    return (fs::path(it->second) / p.filename()).string();
  }

 private:
  std::map<std::string, std::string> folders_;
};

std::vector<std::string> folder_bottles(const std::string& folder, DiagnosticSink& diags) {
  std::vector<std::string> names;
  std::error_code ec;
  for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    std::error_code kind_ec;
    if (is_bottle_name(name) && it->is_regular_file(kind_ec)) names.push_back(name);
  }
  if (ec) {
    diags.error("E0903", {},
                fmt::format("cannot list the bottles in '{}': {}", folder, ec.message()));
    return {};
  }
  if (names.empty()) {
    diags.error("E0903", {},
                fmt::format("'{}' holds no bottles (files ending in .yaml, .yml, .md or "
                            ".markdown)",
                            folder));
  }
  std::sort(names.begin(), names.end());
  std::vector<std::string> paths;
  for (const std::string& name : names) paths.push_back((fs::path(folder) / name).string());
  return paths;
}

}  // namespace

std::vector<BatchBottle> collect_bottles(const std::vector<std::string>& inputs,
                                         const std::string& out_dir, const std::string& extension,
                                         DiagnosticSink& diags) {
  std::vector<BatchBottle> bottles;
  std::set<std::string> seen;
  Identities identities;
  auto add = [&](const std::string& path) {
    if (!seen.insert(identities.of(path)).second) return;
    const std::string name = fs::path(path).stem().string();
    const fs::path output = (fs::path(out_dir) / (name + extension)).lexically_normal();
    bottles.push_back({path, output.string(), false});
  };
  for (const std::string& input : inputs) {
    std::error_code ec;
    if (fs::is_directory(input, ec)) {
      for (const std::string& path : folder_bottles(input, diags)) add(path);
    } else {
      add(input);  // a missing or unreadable file is reported when it is read (E0300)
    }
  }
  return bottles;
}

void exclude_output_conflicts(std::vector<BatchBottle>& bottles, DiagnosticSink& diags) {
  Identities identities;
  std::map<std::string, std::size_t> by_output;  // identity of an output -> first bottle
  std::map<std::string, std::size_t> by_input;   // identity of a bottle -> its index
  for (std::size_t i = 0; i < bottles.size(); ++i) by_input[identities.of(bottles[i].path)] = i;
  for (std::size_t i = 0; i < bottles.size(); ++i) {
    BatchBottle& bottle = bottles[i];
    const std::string output = identities.of(bottle.output);
    auto input = by_input.find(output);
    if (input != by_input.end()) {
      bottle.excluded = true;
      diags.error("E0902", {},
                  fmt::format("the config of '{}' would overwrite the bottle '{}'; choose "
                              "another --out-dir",
                              bottle.path, bottles[input->second].path));
      continue;
    }
    auto [first, inserted] = by_output.emplace(output, i);
    if (inserted) continue;
    BatchBottle& other = bottles[first->second];
    other.excluded = true;
    bottle.excluded = true;
    diags.error("E0902", {},
                fmt::format("'{}' and '{}' would both be written to '{}'; rename one of them",
                            other.path, bottle.path, bottle.output));
  }
}

}  // namespace policyc
