#include "fuzz/ast_dump.hpp"

#include <fmt/format.h>

namespace policyc::fuzz {

namespace {

// Strings are written with fmt's escaping, so no value can pass for structure.
std::string quote(const std::string& s) { return fmt::format("{:?}", s); }

std::string type_text(const ast::TypeExpr& type) {
  std::string out;
  switch (type.kind) {
    case ast::TypeExpr::Kind::Named: out = type.name; break;
    case ast::TypeExpr::Kind::List: out = "list<" + type_text(*type.element) + ">"; break;
    case ast::TypeExpr::Kind::Map: out = "map<" + type_text(*type.element) + ">"; break;
    case ast::TypeExpr::Kind::Enum:
      out = "enum(";
      for (const std::string& value : type.enum_values) out += quote(value) + ",";
      out += ")";
      break;
  }
  return type.optional ? out + "?" : out;
}

std::string expr_text(const ast::Expr* expr) {
  if (!expr) return "-";
  std::string out = fmt::format("({} {} {}{} {}", static_cast<int>(expr->kind), quote(expr->text),
                                expr->integer, expr->integer_overflow ? "!" : "", expr->boolean);
  for (const auto& operand : expr->operands) out += " " + expr_text(operand.get());
  return out + ")";
}

void body_text(std::string& out, const ast::RecordBody& body) {
  for (const ast::Field& field : body.fields) {
    out += fmt::format("  field {} {} = {} unique {}\n", field.name, type_text(field.type),
                       expr_text(field.default_value.get()), field.unique_key);
  }
  for (const ast::RemovedKey& removed : body.removed) {
    out += fmt::format("  removed {} {}\n", removed.name, quote(removed.message));
  }
  for (const ast::Together& together : body.together) {
    out += fmt::format("  together {}\n", fmt::join(together.names, ","));
  }
  for (const ast::RenamedKey& renamed : body.renamed) {
    out += fmt::format("  renamed {} -> {}\n", renamed.name, renamed.target);
  }
}

void items_text(std::string& out, const std::vector<ast::OutputItem>& items, int depth) {
  for (const ast::OutputItem& item : items) {
    out += fmt::format("{}{} when {} = {} block {}\n", std::string(depth * 2, ' '), item.key,
                       expr_text(item.condition.get()), expr_text(item.value.get()),
                       item.is_block);
    items_text(out, item.children, depth + 1);
  }
}

}  // namespace

std::string dump_ast(const ast::PolicyFile& file) {
  std::string out;
  for (const ast::Import& import : file.imports) out += "import " + quote(import.path) + "\n";
  for (const ast::Const& c : file.consts) {
    out += fmt::format("const {} : {} = {}\n", c.name, c.type ? type_text(*c.type) : "-",
                       expr_text(c.value.get()));
  }
  auto records = [&](const char* kind, const std::vector<ast::Record>& list) {
    for (const ast::Record& record : list) {
      out += fmt::format("{} {}\n", kind, record.name);
      body_text(out, record.body);
    }
  };
  records("record", file.records);
  records("manifest", file.manifests);
  records("params", file.params);
  for (const ast::Set& set : file.sets) out += fmt::format("set {} {}\n", set.name, type_text(set.element));
  for (const ast::Rule& rule : file.rules) {
    out += fmt::format("rule {} when {}\n", rule.name, expr_text(rule.condition.get()));
    for (const ast::AddStatement& add : rule.adds) {
      out += fmt::format("  {} += {}\n", add.target, expr_text(add.value.get()));
    }
  }
  for (const ast::Output& output : file.outputs) {
    out += "output " + output.name + "\n";
    items_text(out, output.items, 1);
  }
  return out;
}

}  // namespace policyc::fuzz
