#include "pipeline/symdiff/construct_leaves.hpp"

#include <set>

namespace policyc {

namespace {

class LeafReader {
 public:
  explicit LeafReader(const ir::Program& program) : program_(program) {}

  void read(const ast::Expr* expr, std::set<std::string>& out) {
    if (!expr) return;
    if (expr->kind == ast::Expr::Kind::Member) {
      std::string path;
      const ast::Expr* root = expr;
      while (root->kind == ast::Expr::Kind::Member && !root->operands.empty()) {
        path = path.empty() ? root->text : root->text + "." + path;
        root = root->operands[0].get();
      }
      if (root->kind == ast::Expr::Kind::Name && root->binding == ast::Binding::Manifest) {
        out.insert(path);
        return;
      }
      if (root->kind == ast::Expr::Kind::Name && root->binding == ast::Binding::Params) {
        out.insert("params." + path.substr(0, path.find('.')));
        return;
      }
    }
    if (expr->kind == ast::Expr::Kind::Name) read_name(*expr, out);
    for (const auto& operand : expr->operands) read(operand.get(), out);
  }

  void read_rule(const ast::Rule& rule, std::set<std::string>& out) {
    read(rule.condition.get(), out);
    for (const ast::AddStatement& add : rule.adds) read(add.value.get(), out);
  }

 private:
  // A name stands for what its declaration reads: a constant's or `let`'s value. Each is
  // followed once, which also ends a cycle. A set is not followed: each rule adding to it
  // is a construct of its own.
  void read_name(const ast::Expr& name, std::set<std::string>& out) {
    // The bottle read whole (passed to keys() or values()) names no leaf.
    if (name.binding == ast::Binding::Manifest) return;
    if (!followed_.insert({name.binding, name.slot}).second) return;
    if ((name.binding == ast::Binding::Constant || name.binding == ast::Binding::Let) &&
        name.slot < program_.constants.size()) {
      read(program_.constants[name.slot].decl->value.get(), out);
    }
  }

  const ir::Program& program_;
  std::set<std::pair<ast::Binding, std::size_t>> followed_;
};

void output_leaves(const ir::Program& program, const std::vector<ast::OutputItem>& items,
                   const std::set<std::string>& around, std::vector<ConstructLeaves>& out) {
  for (const ast::OutputItem& item : items) {
    std::set<std::string> paths = around;
    LeafReader reader(program);
    reader.read(item.condition.get(), paths);
    if (item.is_block) {
      output_leaves(program, item.children, paths, out);
      continue;
    }
    reader.read(item.value.get(), paths);
    out.push_back({item.key_range, {paths.begin(), paths.end()}});
  }
}

}  // namespace

std::vector<ConstructLeaves> construct_leaves(const ir::Program& program) {
  std::vector<ConstructLeaves> out;
  for (const ast::Rule* rule : program.rules) {
    std::set<std::string> paths;
    LeafReader(program).read_rule(*rule, paths);
    out.push_back({rule->name_range, {paths.begin(), paths.end()}});
  }
  if (program.output) output_leaves(program, program.output->items, {}, out);
  return out;
}

}  // namespace policyc
