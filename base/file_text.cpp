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

std::string read_bounded(std::istream& in, std::size_t limit) {
  std::string text;
  char chunk[1 << 16];
  while (text.size() < limit && in) {
    in.read(chunk, static_cast<std::streamsize>(sizeof chunk));
    text.append(chunk, static_cast<std::size_t>(in.gcount()));
  }
  if (text.size() > limit) text.resize(limit);
  return text;
}

}  // namespace policyc
