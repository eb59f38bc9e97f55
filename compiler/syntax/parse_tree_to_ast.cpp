#include "compiler/syntax/parse_tree_to_ast.hpp"

#include <charconv>

#include "compiler/syntax/parse.hpp"

namespace policyc {

using ast::Expr;

namespace {

bool is_or_level(const ParseNode& n) {
  return n.is_type<g::expr>() || n.is_type<g::const_value>() || n.is_type<g::list_element>() ||
         n.is_type<g::comprehension_source>() || n.is_type<g::filter_expr>() ||
         n.is_type<g::predicate>() || n.is_type<g::call_argument>() ||
         n.is_type<g::condition_test>() || n.is_type<g::then_branch>() ||
         n.is_type<g::else_branch>();
}

bool is_type_node(const ParseNode& n) {
  return n.is_type<g::type>() || n.is_type<g::field_type>() || n.is_type<g::const_type>() ||
         n.is_type<g::set_type>();
}

bool is_name_text(const ParseNode& n) {
  return n.is_type<g::name_text>() || n.is_type<g::key_text>();
}

const ParseNode* child_of_type_name(const ParseNode& node) {
  for (const auto& c : node.children) {
    if (is_name_text(*c)) return c.get();
  }
  return nullptr;
}

}  // namespace

SourceRange AstBuilder::range_of(const ParseNode& node) const {
  auto begin = static_cast<std::uint32_t>(node.m_begin.data - text_.data());
  auto end = static_cast<std::uint32_t>(node.m_end.data - text_.data());
  end = end_of_previous_token(text_, end, begin);
  return {file_, begin, end};
}

std::string AstBuilder::name_of(const ParseNode& node) const {
  const ParseNode* name = is_name_text(node) ? &node : child_of_type_name(node);
  return name ? name->string() : std::string();
}

SourceRange AstBuilder::name_range_of(const ParseNode& node) const {
  const ParseNode* name = is_name_text(node) ? &node : child_of_type_name(node);
  return name ? range_of(*name) : range_of(node);
}

std::string AstBuilder::string_value(const ParseNode& node) const {
  std::string_view raw = node.string_view();
  std::string value;
  for (std::size_t i = 1; i + 1 < raw.size(); ++i) {
    if (raw[i] != '\\') {
      value += raw[i];
      continue;
    }
    char escaped = raw[++i];
    value += escaped == 'n' ? '\n' : escaped == 't' ? '\t' : escaped;
  }
  return value;
}

ast::TypeExpr AstBuilder::type_of(const ParseNode& node) const {
  ast::TypeExpr type;
  type.range = range_of(node);
  const ParseNode& base = *node.children.front();
  if (base.is_type<g::list_type>() || base.is_type<g::map_type>()) {
    type.kind = base.is_type<g::list_type>() ? ast::TypeExpr::Kind::List : ast::TypeExpr::Kind::Map;
    type.element = std::make_unique<ast::TypeExpr>(type_of(*base.children.front()));
  } else if (base.is_type<g::enum_type>()) {
    type.kind = ast::TypeExpr::Kind::Enum;
    for (const auto& value : base.children) {
      type.enum_values.push_back(string_value(*value));
      type.enum_ranges.push_back(range_of(*value));
    }
  } else {
    type.kind = ast::TypeExpr::Kind::Named;
    type.name = name_of(base);
    type.range = name_range_of(base);
  }
  type.optional = node.children.size() > 1 && node.children.back()->is_type<g::optional_mark>();
  if (type.optional) type.range = range_of(node);
  return type;
}

std::unique_ptr<Expr> AstBuilder::fold_binary(const ParseNode& node, Expr::Kind kind) const {
  std::unique_ptr<Expr> result = expr_of(*node.children.front());
  for (std::size_t i = 1; i < node.children.size(); ++i) {
    auto combined = std::make_unique<Expr>();
    combined->kind = kind;
    combined->operands.push_back(std::move(result));
    combined->operands.push_back(expr_of(*node.children[i]));
    combined->range = {file_, combined->operands[0]->range.begin, combined->operands[1]->range.end};
    result = std::move(combined);
  }
  return result;
}

std::unique_ptr<Expr> AstBuilder::expr_of(const ParseNode& node) const {
  if (is_or_level(node)) return fold_binary(node, Expr::Kind::Or);
  if (node.is_type<g::and_expr>() || node.is_type<g::or_rhs>()) {
    return fold_binary(node, Expr::Kind::And);
  }
  if (node.is_type<g::and_rhs>()) return expr_of(*node.children.front());
  if (node.is_type<g::sum_expr>() || node.is_type<g::compare_rhs>()) {
    return fold_binary(node, Expr::Kind::Add);
  }
  if (node.is_type<g::postfix_expr>() || node.is_type<g::operand>()) return postfix_of(node);
  if (node.is_type<g::conditional>()) return conditional_of(node);
  auto expr = std::make_unique<Expr>();
  expr->range = range_of(node);
  if (node.is_type<g::negation>()) {
    expr->kind = Expr::Kind::Not;
    expr->operands.push_back(expr_of(*node.children.front()));
    return expr;
  }
  if (node.is_type<g::compare_expr>()) {
    if (node.children.size() == 1) return expr_of(*node.children.front());
    const ParseNode& op = *node.children[1];
    expr->kind = op.is_type<g::eq_op>()   ? Expr::Kind::Equal
                 : op.is_type<g::ne_op>() ? Expr::Kind::NotEqual
                                          : Expr::Kind::In;
    expr->text_range = range_of(op);
    expr->operands.push_back(expr_of(*node.children[0]));
    expr->operands.push_back(expr_of(*node.children[2]));
    return expr;
  }
  return primary_of(node);
}

std::unique_ptr<Expr> AstBuilder::postfix_of(const ParseNode& node) const {
  std::unique_ptr<Expr> result = primary_of(*node.children.front());
  for (std::size_t i = 1; i < node.children.size(); ++i) {
    const ParseNode& access = *node.children[i];
    auto member = std::make_unique<Expr>();
    member->kind = Expr::Kind::Member;
    member->text = name_of(access);
    member->text_range = name_range_of(access);
    member->range = {file_, result->range.begin, member->text_range.end};
    member->operands.push_back(std::move(result));
    result = std::move(member);
  }
  return result;
}

std::unique_ptr<Expr> AstBuilder::primary_of(const ParseNode& node) const {
  auto expr = std::make_unique<Expr>();
  expr->range = range_of(node);
  if (node.is_type<g::string_text>()) {
    expr->kind = Expr::Kind::String;
    expr->text = string_value(node);
  } else if (node.is_type<g::integer_text>()) {
    expr->kind = Expr::Kind::Integer;
    std::string_view digits = node.string_view();
    auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), expr->integer);
    expr->integer_overflow = ec != std::errc() || ptr != digits.data() + digits.size();
  } else if (node.is_type<g::true_lit>() || node.is_type<g::false_lit>()) {
    expr->kind = Expr::Kind::Bool;
    expr->boolean = node.is_type<g::true_lit>();
  } else if (node.is_type<g::paren_expr>()) {
    auto inner = expr_of(*node.children.front());
    inner->range = expr->range;
    return inner;
  } else if (node.is_type<g::record_literal>()) {
    return record_of(node);
  } else if (node.is_type<g::list_expr>()) {
    return list_of(node);
  } else if (node.is_type<g::quantifier>()) {
    expr->kind = Expr::Kind::Quantifier;
    expr->boolean = node.children[0]->is_type<g::kw_all>();
    const std::size_t source = bind_variables(node, 1, *expr);
    expr->operands.push_back(expr_of(*node.children[source]));
    expr->operands.push_back(expr_of(*node.children[source + 1]));
  } else if (node.is_type<g::call>()) {
    expr->kind = Expr::Kind::Call;
    expr->text = name_of(*node.children[0]);
    expr->text_range = name_range_of(*node.children[0]);
    for (std::size_t i = 1; i < node.children.size(); ++i) {
      expr->operands.push_back(expr_of(*node.children[i]));
    }
  } else {  // name_ref
    expr->kind = Expr::Kind::Name;
    expr->text = name_of(node);
    expr->text_range = name_range_of(node);
  }
  return expr;
}

std::unique_ptr<Expr> AstBuilder::list_of(const ParseNode& node) const {
  auto expr = std::make_unique<Expr>();
  expr->range = range_of(node);
  expr->kind = Expr::Kind::List;
  for (const auto& child : node.children) {
    if (!child->is_type<g::comprehension_tail>()) {
      expr->operands.push_back(expr_of(*child));
      continue;
    }
    expr->kind = Expr::Kind::Comprehension;
    for (std::size_t i = bind_variables(*child, 0, *expr); i < child->children.size(); ++i) {
      expr->operands.push_back(expr_of(*child->children[i]));
    }
  }
  return expr;
}

std::size_t AstBuilder::bind_variables(const ParseNode& parent, std::size_t first,
                                       Expr& expr) const {
  const ParseNode& name = *parent.children[first];
  const ParseNode& next = *parent.children[first + 1];
  if (!next.is_type<g::value_variable>()) {
    expr.text = name_of(name);
    expr.text_range = name_range_of(name);
    return first + 1;
  }
  expr.key_name = name_of(name);
  expr.key_range = name_range_of(name);
  expr.text = name_of(next);
  expr.text_range = name_range_of(next);
  return first + 2;
}

std::unique_ptr<Expr> AstBuilder::conditional_of(const ParseNode& node) const {
  auto expr = std::make_unique<Expr>();
  expr->kind = Expr::Kind::Conditional;
  expr->range = range_of(node);
  for (const auto& part : node.children) expr->operands.push_back(expr_of(*part));
  return expr;
}

std::unique_ptr<Expr> AstBuilder::record_of(const ParseNode& node) const {
  auto expr = std::make_unique<Expr>();
  expr->range = range_of(node);
  expr->kind = Expr::Kind::Record;
  for (const auto& field : node.children) {  // record_field: name, value
    expr->field_names.push_back(name_of(*field->children[0]));
    expr->field_ranges.push_back(name_range_of(*field->children[0]));
    expr->operands.push_back(expr_of(*field->children[1]));
  }
  return expr;
}

ast::RecordBody AstBuilder::body_of(const ParseNode& node) const {
  ast::RecordBody body;
  for (const auto& member : node.children) {
    if (member->is_type<g::field_member>()) {
      ast::Field field;
      field.name = name_of(*member->children[0]);
      field.name_range = range_of(*member->children[0]);
      field.type = type_of(*member->children[1]);
      for (std::size_t i = 2; i < member->children.size(); ++i) {
        const ParseNode& extra = *member->children[i];
        if (extra.is_type<g::field_default>()) {
          field.default_value = expr_of(*extra.children.front());
        } else if (extra.is_type<g::hosts_clause>()) {
          field.hosts_range = range_of(extra);
          for (const auto& rule : extra.children) {
            field.host_rules.push_back({name_of(*rule->children[0]), range_of(*rule->children[0]),
                                        name_of(*rule->children[1]), range_of(*rule->children[1])});
          }
        } else {
          field.unique_key = name_of(*extra.children.front());
          field.unique_range = range_of(*extra.children.front());
        }
      }
      body.fields.push_back(std::move(field));
    } else if (member->is_type<g::removed_member>()) {
      body.removed.push_back({name_of(*member->children[0]), range_of(*member->children[0]),
                              string_value(*member->children[1])});
    } else if (member->is_type<g::renamed_member>()) {
      body.renamed.push_back({name_of(*member->children[0]), range_of(*member->children[0]),
                              name_of(*member->children[1]), range_of(*member->children[1])});
    } else if (member->is_type<g::together_member>()) {
      ast::Together together;
      together.range = range_of(*member);
      for (const auto& name : member->children) {
        together.names.push_back(name_of(*name));
        together.ranges.push_back(range_of(*name));
      }
      body.together.push_back(std::move(together));
    }
  }
  return body;
}

ast::Rule AstBuilder::rule_of(const ParseNode& node) const {
  ast::Rule rule;
  rule.name = name_of(*node.children[0]);
  rule.name_range = range_of(*node.children[0]);
  for (std::size_t i = 1; i < node.children.size(); ++i) {
    const ParseNode& child = *node.children[i];
    if (child.is_type<g::rule_condition>()) {
      rule.condition = expr_of(*child.children.front());
      continue;
    }
    ast::AddStatement add;
    add.target = name_of(*child.children[0]);
    add.target_range = range_of(*child.children[0]);
    add.value = expr_of(*child.children[1]);
    rule.adds.push_back(std::move(add));
  }
  return rule;
}

ast::OutputItem AstBuilder::output_item_of(const ParseNode& node) const {
  ast::OutputItem item;
  item.key = name_of(*node.children[0]);
  item.key_range = range_of(*node.children[0]);
  for (std::size_t i = 1; i < node.children.size(); ++i) {
    const ParseNode& child = *node.children[i];
    if (child.is_type<g::rule_condition>()) {
      item.condition = expr_of(*child.children.front());
    } else if (child.is_type<g::output_assign>()) {
      item.value = expr_of(*child.children.front());
    } else {
      item.is_block = true;
      for (const auto& nested : child.children) item.children.push_back(output_item_of(*nested));
    }
  }
  return item;
}

void AstBuilder::add_declarations(const ParseNode& root) {
  for (const auto& decl_ptr : root.children) {
    const ParseNode& decl = *decl_ptr;
    if (decl.is_type<g::import_decl>()) {
      out_.imports.push_back({string_value(*decl.children[0]), range_of(*decl.children[0])});
    } else if (decl.is_type<g::const_decl>() || decl.is_type<g::let_decl>()) {
      ast::Const c;
      c.reads_bottle = decl.is_type<g::let_decl>();
      c.name = name_of(*decl.children[0]);
      c.name_range = range_of(*decl.children[0]);
      if (is_type_node(*decl.children[1])) {
        c.type = std::make_unique<ast::TypeExpr>(type_of(*decl.children[1]));
      }
      c.value = expr_of(*decl.children.back());
      out_.consts.push_back(std::move(c));
    } else if (decl.is_type<g::record_decl>() || decl.is_type<g::manifest_decl>()) {
      ast::Record record;
      record.name = name_of(*decl.children[0]);
      record.name_range = range_of(*decl.children[0]);
      record.body = body_of(decl);
      (decl.is_type<g::record_decl>() ? out_.records : out_.manifests).push_back(std::move(record));
    } else if (decl.is_type<g::params_decl>()) {
      ast::Record record;
      record.name = "params";
      record.name_range = {file_, range_of(decl).begin, range_of(decl).begin + 6};
      record.body = body_of(decl);
      out_.params.push_back(std::move(record));
    } else if (decl.is_type<g::set_decl>()) {
      out_.sets.push_back({name_of(*decl.children[0]), range_of(*decl.children[0]),
                           type_of(*decl.children[1])});
    } else if (decl.is_type<g::rule_decl>()) {
      out_.rules.push_back(rule_of(decl));
    } else if (decl.is_type<g::output_decl>()) {
      ast::Output output;
      output.name = name_of(*decl.children[0]);
      output.name_range = range_of(*decl.children[0]);
      for (std::size_t i = 1; i < decl.children.size(); ++i) {
        output.items.push_back(output_item_of(*decl.children[i]));
      }
      out_.outputs.push_back(std::move(output));
    }
  }
}

}  // namespace policyc
