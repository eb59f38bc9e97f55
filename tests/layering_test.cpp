// The layers of docs/architecture.md, checked on the source tree: every `#include "…"`
// of a layer names a header of that layer or of one it may use. The per-layer libraries
// make most such includes a build error already; this test also names the file and the
// line, and covers headers no source of the layer happens to include.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

namespace {

namespace fs = std::filesystem;

// Which layers each layer may include, besides itself. Keep in step with
// docs/architecture.md and the policyc_layer() calls of CMakeLists.txt.
const std::map<std::string, std::set<std::string>>& allowed_includes() {
  static const std::map<std::string, std::set<std::string>> table = {
      {"base", {}},
      {"grammar", {}},
      {"pipelock/schema", {"base"}},
      {"ir", {"base", "pipelock/schema"}},
      {"compiler", {"base", "grammar", "pipelock/schema", "ir"}},
      {"runtime", {"base", "pipelock/schema", "ir"}},
      {"pipelock", {"base", "pipelock/schema", "ir", "runtime"}},
      {"pipeline", {"base", "grammar", "pipelock/schema", "ir", "compiler", "runtime", "pipelock"}},
      {"lsp",
       {"base", "grammar", "pipelock/schema", "ir", "compiler", "runtime", "pipelock", "pipeline"}},
      {"cli",
       {"base", "grammar", "pipelock/schema", "ir", "compiler", "runtime", "pipelock", "pipeline",
        "lsp"}},
  };
  return table;
}

// The layer a project path belongs to, or "" for a path outside every layer.
std::string layer_of(const std::string& path) {
  if (path.rfind("pipelock/schema/", 0) == 0) return "pipelock/schema";
  const std::string top = path.substr(0, path.find('/'));
  return allowed_includes().count(top) != 0 ? top : "";
}

struct Include {
  std::string file;
  int line = 0;
  std::string target;
};

std::vector<Include> project_includes(const fs::path& root) {
  std::vector<Include> found;
  for (const auto& [layer, _] : allowed_includes()) {
    if (layer == "pipelock/schema") continue;  // walked as part of pipelock/
    for (const auto& entry : fs::recursive_directory_iterator(root / layer)) {
      const std::string ext = entry.path().extension().string();
      if (!entry.is_regular_file() || (ext != ".cpp" && ext != ".hpp")) continue;
      std::ifstream in(entry.path());
      int number = 0;
      for (std::string text; std::getline(in, text);) {
        ++number;
        const std::string directive = "#include \"";
        if (text.rfind(directive, 0) != 0) continue;
        const std::size_t end = text.find('"', directive.size());
        found.push_back({fs::relative(entry.path(), root).generic_string(), number,
                         text.substr(directive.size(), end - directive.size())});
      }
    }
  }
  return found;
}

}  // namespace

TEST_CASE("layers: no include runs from a lower layer into a higher one") {
  const std::vector<Include> includes = project_includes(POLICYC_SOURCE_DIR);
  REQUIRE(includes.size() > 300);
  std::vector<std::string> upward;
  for (const Include& include : includes) {
    const std::string from = layer_of(include.file);
    const std::string to = layer_of(include.target);
    if (to.empty() || to == from || allowed_includes().at(from).count(to) != 0) continue;
    upward.push_back(include.file + ":" + std::to_string(include.line) + ": " + from +
                     " includes " + include.target + " (" + to + ")");
  }
  INFO("includes that run back up:\n" << [&] {
    std::string all;
    for (const std::string& u : upward) all += u + "\n";
    return all;
  }());
  CHECK(upward.empty());
}

TEST_CASE("layers: every header named by an include exists under its layer") {
  for (const Include& include : project_includes(POLICYC_SOURCE_DIR)) {
    if (layer_of(include.target).empty()) continue;
    INFO(include.file << ":" << include.line);
    CHECK(fs::exists(fs::path(POLICYC_SOURCE_DIR) / include.target));
  }
}

TEST_CASE("layers: the table names each layer's folder") {
  for (const auto& [layer, uses] : allowed_includes()) {
    INFO(layer);
    CHECK(fs::is_directory(fs::path(POLICYC_SOURCE_DIR) / layer));
    for (const std::string& used : uses) CHECK(allowed_includes().count(used) == 1);
  }
}
