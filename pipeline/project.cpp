#include "pipeline/project.hpp"

#include <fmt/format.h>
#include <glob.h>

#include <algorithm>
#include <set>
#include <system_error>

#include "pipeline/driver.hpp"
#include "base/source_excerpt.hpp"
#include "base/value_prefix.hpp"
#include "runtime/input/yaml_tree.hpp"

namespace policyc {

namespace fs = std::filesystem;

std::optional<fs::path> find_project_root(const fs::path& start) {
  std::error_code ec;
  fs::path folder = fs::absolute(start, ec).lexically_normal();
  if (ec) return std::nullopt;
  while (true) {
    // Any entry but a folder marks a project: a dangling link is reported, not skipped.
    const fs::file_status status = fs::symlink_status(folder / kProjectFile, ec);
    if (fs::exists(status) && !fs::is_directory(fs::status(folder / kProjectFile, ec))) {
      return folder;
    }
    const fs::path parent = folder.parent_path();
    if (parent == folder || parent.empty()) return std::nullopt;
    folder = parent;
  }
}

std::string display_path(const fs::path& path) {
  std::error_code ec;
  const fs::path target = fs::weakly_canonical(fs::absolute(path, ec), ec);
  const fs::path here = fs::weakly_canonical(fs::current_path(ec), ec);
  const fs::path relative = target.lexically_relative(here);
  if (relative.empty()) return target.string();
  bool any_up = false, all_up = true;
  for (const fs::path& part : relative) {
    if (part == "..") {
      any_up = true;
    } else {
      all_up = false;
    }
  }
  if (any_up && !all_up) return target.string();  // a sibling: "../../x" reads worse
  return relative.string();
}

namespace {

const std::vector<std::string> kProjectKeys = {"policy", "golden", "bottles", "params"};

bool inside_project(const std::string& path) {
  if (path.empty() || fs::path(path).is_absolute()) return false;
  for (const fs::path& part : fs::path(path).lexically_normal()) {
    if (part == "..") return false;
  }
  return true;
}

// One pass over the project file's tree; every problem is reported, then nothing is kept.
struct ProjectReader {
  Project& project;
  DiagnosticSink& diags;

  void wrong_type(const YamlNode& node, const std::string& what, const char* expected) {
    diags.error("E1002", node.range, node_kind_mismatch(node, what, expected));
  }

  std::optional<std::string> path(const YamlMapEntry& entry) {
    if (entry.value.kind != YamlNode::Kind::Scalar) {
      wrong_type(entry.value, fmt::format("'{}'", entry.key), "a path");
      return std::nullopt;
    }
    if (!inside_project(entry.value.scalar)) {
      diags.error("E1004", entry.value.range,
                  fmt::format("'{}' must be a path inside the project, relative to its root, "
                              "got '{}'",
                              entry.key, value_prefix(entry.value.scalar)));
      return std::nullopt;
    }
    return entry.value.scalar;
  }

  void bottles(const YamlNode& node) {
    if (node.kind != YamlNode::Kind::Sequence)
      return wrong_type(node, "'bottles'", "a list of globs");
    for (const YamlNode& item : node.items) {
      if (item.kind != YamlNode::Kind::Scalar) {
        wrong_type(item, "each of 'bottles'", "a glob");
      } else {
        project.bottles.push_back(item.scalar);
      }
    }
  }

  void params(const YamlNode& node) {
    if (node.kind != YamlNode::Kind::Mapping) return wrong_type(node, "'params'", "a mapping");
    for (const YamlMapEntry& param : node.entries) {
      const std::string what = fmt::format("parameter '{}'", param.key);
      if (param.value.kind == YamlNode::Kind::Scalar) {
        project.params.push_back(param.key + "=" + param.value.scalar);
        continue;
      }
      if (param.value.kind != YamlNode::Kind::Sequence) {
        wrong_type(param.value, what, "a value or a list of values");
        continue;
      }
      for (const YamlNode& item : param.value.items) {
        if (item.kind != YamlNode::Kind::Scalar) {
          wrong_type(item, "each value of " + what, "a scalar");
        } else {
          project.params.push_back(param.key + "=" + item.scalar);
        }
      }
    }
  }

  void read(const YamlNode& root, FileId file) {
    if (root.kind == YamlNode::Kind::Null) return;  // an empty project file: the defaults
    if (root.kind != YamlNode::Kind::Mapping) return wrong_type(root, "policyc.yaml", "a mapping");
    SourceRange policy_range{file, 0, 0};
    for (const YamlMapEntry& entry : root.entries) {
      if (entry.key == "policy") {
        if (auto value = path(entry)) project.policy = *value;
        policy_range = entry.value.range;
      } else if (entry.key == "golden") {
        if (auto value = path(entry)) project.golden = *value;
      } else if (entry.key == "bottles") {
        bottles(entry.value);
      } else if (entry.key == "params") {
        params(entry.value);
      } else {
        Diagnostic& d = diags.error("E1001", entry.key_range,
                                    fmt::format("unknown key '{}' in policyc.yaml", entry.key));
        add_suggestion(d, entry.key, kProjectKeys);
        if (d.suggestion.empty()) {
          d.notes.push_back({{}, fmt::format("the keys are {}", fmt::join(kProjectKeys, ", "))});
        }
      }
    }
    std::error_code ec;
    if (!diags.has_errors() && !fs::is_regular_file(project.root / project.policy, ec)) {
      diags.error("E1003", policy_range,
                  fmt::format("the project's policy '{}' does not exist",
                              value_prefix(project.policy)));
    }
  }
};

}  // namespace

std::optional<Project> read_project(const fs::path& root, SourceManager& sources,
                                    DiagnosticSink& diags, const PolicySource& files) {
  Project project;
  project.root = root;
  const std::string name = display_path(root / kProjectFile);
  std::string error;
  std::optional<std::string> text = files.read((root / kProjectFile).string(), error);
  if (!text) {
    diags.error("E1005", {}, fmt::format("cannot read project file '{}': {}", name, error));
    return std::nullopt;
  }
  const FileId file = sources.add(name, std::move(*text));
  DiagnosticSink found;
  std::unique_ptr<YamlNode> tree = load_yaml_tree(sources, file, found);
  if (tree) ProjectReader{project, found}.read(*tree, file);
  for (const Diagnostic& d : found.all()) {
    Diagnostic& copy = d.severity == Severity::Error ? diags.error(d.code, d.range, d.message)
                                                     : diags.warning(d.code, d.range, d.message);
    copy.notes = d.notes;
    copy.suggestion = d.suggestion;
  }
  if (found.has_errors() || !tree) return std::nullopt;
  return project;
}

std::vector<std::string> project_bottles(const Project& project) {
  std::vector<std::string> bottles;
  std::set<std::string> seen;  // a bottle several globs match is compared once
  for (const std::string& pattern : project.bottles) {
    glob_t found{};
    if (::glob((project.root / pattern).c_str(), 0, nullptr, &found) == 0) {
      for (std::size_t i = 0; i < found.gl_pathc; ++i) {
        std::string name = display_path(found.gl_pathv[i]);
        if (seen.insert(name).second) bottles.push_back(std::move(name));
      }
    }
    ::globfree(&found);
  }
  return bottles;
}

std::optional<PolicyChoice> choose_policy(const std::string& option, const std::string& near_file,
                                          SourceManager& sources, DiagnosticSink& diags,
                                          const PolicySource& files) {
  PolicyChoice choice;
  if (!option.empty()) {
    choice.origin = PolicyChoice::Origin::Option;
    choice.entry = option;
    return choice;
  }
  std::error_code ec;
  std::optional<fs::path> root;
  if (!near_file.empty() && near_file != kStdioPath) {
    root = find_project_root(fs::absolute(near_file, ec).parent_path());
  }
  if (!root) root = find_project_root(fs::current_path(ec));
  if (!root) {
    choice.entry = kShippedPolicy;
    return choice;
  }
  std::optional<Project> project = read_project(*root, sources, diags, files);
  if (!project) return std::nullopt;
  choice.origin = PolicyChoice::Origin::Project;
  choice.entry = project->policy;
  choice.project = std::move(project);
  return choice;
}

std::string policy_entry(const std::string& path) {
  std::error_code ec;
  // Only a folder stands for its pipelock.policy: anything else, missing or not a regular
  // file, is reported as itself rather than as a folder's missing pipelock.policy.
  if (!fs::is_directory(path, ec)) return path;
  return path.empty() || path.back() == '/' ? path + "pipelock.policy" : path + "/pipelock.policy";
}

std::string describe_policy(const PolicyChoice& choice) {
  switch (choice.origin) {
    case PolicyChoice::Origin::Shipped:
      return fmt::format("shipped {}", choice.entry);
    case PolicyChoice::Origin::Project:
      return fmt::format("{} of project {}", printable_text(choice.entry),
                         printable_text(display_path(choice.project->root)));
    case PolicyChoice::Origin::Option:
      return fmt::format("{} (--policy)", printable_text(choice.entry));
  }
  return printable_text(choice.entry);
}

std::vector<std::string> params_with_defaults(const PolicyChoice& choice,
                                              const std::vector<std::string>& given) {
  if (!choice.project) return given;
  auto name_of = [](const std::string& param) { return param.substr(0, param.find('=')); };
  std::vector<std::string> params;
  for (const std::string& param : choice.project->params) {
    const std::string name = name_of(param);
    if (std::none_of(given.begin(), given.end(),
                     [&](const std::string& other) { return name_of(other) == name; })) {
      params.push_back(param);
    }
  }
  params.insert(params.end(), given.begin(), given.end());
  return params;
}

std::optional<std::string> ProjectSource::read(const std::string& path, std::string& error) const {
  if (fs::path(path).is_absolute()) return FileSystemSource::read(path, error);
  return FileSystemSource::read((root_ / path).string(), error);
}

}  // namespace policyc
