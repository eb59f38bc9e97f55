// Text as the std::istream yaml-cpp reads, without copying it: a manifest can be 16 MiB
// and a rendered config several, where std::istringstream would copy each whole.
#pragma once
#include <istream>
#include <streambuf>
#include <string_view>

namespace policyc {

class TextIstream final : private std::streambuf, public std::istream {
 public:
  explicit TextIstream(std::string_view text) : std::istream(this) {
    char* begin = const_cast<char*>(text.data());  // only read: there is no put area
    setg(begin, begin, begin + text.size());
  }
};

}  // namespace policyc
