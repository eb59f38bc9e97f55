// A canonical text of a parsed policy without positions: two files with the same dump
// have the same meaning, however they are laid out.
#pragma once
#include <string>

#include "ir/ast.hpp"
#include "base/source.hpp"

namespace policyc::fuzz {

std::string dump_ast(const ast::PolicyFile& file);

}  // namespace policyc::fuzz
