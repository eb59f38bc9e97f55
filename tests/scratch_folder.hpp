// A fresh folder for one test under the system's temporary directory, removed with all it
// holds afterwards. Names are unique (mkdtemp), so tests running side by side, or two
// builds' suites at once, never share a folder or trip over one left by a killed run.
#pragma once
#include <stdlib.h>

#include <algorithm>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <system_error>
#include <vector>

namespace policyc::testing {

class ScratchFolder {
 public:
  explicit ScratchFolder(const std::string& purpose = "test") {
    std::string name =
        (std::filesystem::temp_directory_path() / ("policyc-" + purpose + "-XXXXXX")).string();
    if (::mkdtemp(name.data()) == nullptr) {
      throw std::runtime_error("cannot make a scratch folder from " + name);
    }
    dir_ = name;
  }
  ~ScratchFolder() {
    std::error_code ignored;
    // A test may leave the folder read-only to make writes fail; removal must not.
    std::filesystem::permissions(dir_, std::filesystem::perms::owner_all, ignored);
    std::filesystem::remove_all(dir_, ignored);
  }
  ScratchFolder(const ScratchFolder&) = delete;
  ScratchFolder& operator=(const ScratchFolder&) = delete;

  const std::filesystem::path& dir() const { return dir_; }
  std::string path(const std::string& name) const { return (dir_ / name).string(); }
  /// The names directly in the folder, sorted: what a test expects to find left behind.
  std::vector<std::string> entries() const {
    std::vector<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(dir_)) {
      names.push_back(entry.path().filename().string());
    }
    std::sort(names.begin(), names.end());
    return names;
  }

 private:
  std::filesystem::path dir_;
};

}  // namespace policyc::testing
