// The checked program: every declaration of every imported file, names resolved and
// types known. The evaluator runs on this.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "ir/ast.hpp"
#include "ir/types.hpp"
#include "ir/value.hpp"

namespace policyc::ir {

struct Constant {
  ast::Const* decl = nullptr;
  TypeRef type;
  Value value;  // filled by lower_program
  enum class State { Unchecked, Checking, Checked } state = State::Unchecked;
};

struct SetDecl {
  ast::Set* decl = nullptr;
  TypeRef element;
};

struct Program {
  std::vector<ast::PolicyFile> files;  // load order: the entry file first
  std::vector<std::unique_ptr<RecordType>> records;
  const RecordType* manifest = nullptr;
  std::string manifest_name;           // the root name expressions use ("bottle")
  const RecordType* params = nullptr;  // never null after checking: empty when undeclared
  std::vector<Constant> constants;
  std::vector<SetDecl> sets;
  std::vector<ast::Rule*> rules;
  ast::Output* output = nullptr;
};

}  // namespace policyc::ir
