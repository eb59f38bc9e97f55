// Reads a rendered pipelock config back and compares it with the document it came from.
#pragma once
#include <string>

#include "ir/output.hpp"

namespace policyc {

/// Defence in depth: parses `yaml` back with yaml-cpp and checks it has exactly the
/// structure and values of `document`. Returns an empty string, or what differs.
std::string verify_rendered_yaml(const OutputDocument& document, const std::string& yaml);

}  // namespace policyc
