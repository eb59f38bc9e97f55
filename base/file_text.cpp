#include "base/file_text.hpp"

#include <fstream>
#include <sstream>

namespace policyc {

std::string read_file_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace policyc
