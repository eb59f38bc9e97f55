// Completion in a policy: keywords, types, built-in functions and the names declared in
// the policy and the files it loads.
#pragma once
#include <nlohmann/json.hpp>

#include "lsp/navigation.hpp"

namespace policyc::lsp {

nlohmann::json completion(const TextPosition& at, const Documents& documents);

}  // namespace policyc::lsp
