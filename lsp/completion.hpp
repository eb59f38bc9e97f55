// Completion in a policy, by what the cursor follows: after `x.` the fields of x's
// record type (`bottle.`, `params.`, a loop variable); after `x == ` an enum x's values;
// at a key of the output block the keys pipelock's schema has there, and after `key = `
// an enum key's values; elsewhere the names declared in the policy and the files it
// loads, built-ins, types and keywords.
#pragma once
#include <nlohmann/json.hpp>

#include "lsp/navigation.hpp"

namespace policyc::lsp {

nlohmann::json completion(const TextPosition& at, const Documents& documents,
                          PositionEncoding encoding);

}  // namespace policyc::lsp
