#include "lsp/hover.hpp"

#include <fmt/format.h>

#include "compiler/check/builtins.hpp"
#include "compiler/syntax/comments.hpp"
#include "lsp/analysis.hpp"
#include "lsp/names.hpp"

namespace policyc::lsp {

namespace {

using Json = nlohmann::json;

// A value longer than this is cut: a hover is a glance, not a dump.
constexpr std::size_t kValueChars = 200;

// A value as the policy would write it.
void write_value(const Value& v, std::string& out) {
  if (out.size() > kValueChars) return;
  switch (v.kind) {
    case Value::Kind::Null: out += "null"; return;
    case Value::Kind::Bool: out += v.boolean ? "true" : "false"; return;
    case Value::Kind::Int: out += std::to_string(v.integer); return;
    case Value::Kind::String: out += Json(std::string(v.string.view())).dump(); return;
    case Value::Kind::List:
      out += '[';
      for (std::size_t i = 0; i < v.items.size(); ++i) {
        if (i) out += ", ";
        write_value(v.items[i], out);
      }
      out += ']';
      return;
    case Value::Kind::Record:
      out += '{';
      for (std::size_t i = 0; i < v.fields.size(); ++i) {
        out += (i ? ", " : "") + v.fields[i].first + " = ";
        write_value(v.fields[i].second, out);
      }
      out += '}';
      return;
  }
}

std::string value_text(const Value& v) {
  std::string out;
  write_value(v, out);
  if (out.size() > kValueChars) out = out.substr(0, kValueChars) + "...";
  return out;
}

std::string code_block(const std::string& code) { return "```policy\n" + code + "\n```\n"; }

Json markdown(const std::string& text) {
  if (text.empty()) return nullptr;
  return {{"contents", {{"kind", "markdown"}, {"value", text}}}};
}

bool contains(const SourceRange& range, FileId file, std::uint32_t offset) {
  return range.valid() && range.file == file && range.begin <= offset && offset <= range.end;
}

std::string field_hover(const Analysis& analysis, const RecordType& record, const FieldType& field) {
  std::string code = fmt::format("{}.{}: {}", record.name, field.name, type_name(*field.type));
  if (field.default_expr) {
    code += " = " + std::string(analysis.sources.text(field.default_expr->range));
  }
  std::string text = code_block(code);
  if (field.range.valid()) {
    const std::string comment =
        field_comment(analysis.sources.file(field.range.file).text(), field.range.begin);
    if (!comment.empty()) text += "\n" + comment;
  }
  return text;
}

// The type a comprehension's or quantifier's variable takes from its source.
std::string variable_type(const ast::Expr& binder, bool key) {
  const std::size_t source = binder.kind == ast::Expr::Kind::Comprehension ? 1 : 0;
  if (source >= binder.operands.size()) return "";
  const TypeRef& type = binder.operands[source]->type;
  if (!type || !type->element) return "";
  return key ? "string" : type_name(*type->element);
}

// The hover of the expression written at `offset`, if it says more than a name's.
std::string expression_hover(const Analysis& analysis, std::uint32_t offset) {
  std::string text;
  for_each_expr(analysis, [&](const ast::Expr& e) {
    // Parents come first, so the innermost match is the last.
    if (contains(e.key_range, analysis.file, offset) && !e.key_name.empty()) {
      text = code_block(fmt::format("{}: {}", e.key_name, variable_type(e, true))) + "\nloop variable\n";
    }
    if (!contains(e.text_range, analysis.file, offset)) return;
    switch (e.kind) {
      case ast::Expr::Kind::Call:
        if (const BuiltinFunction* f = find_builtin(e.text)) {
          text = code_block(std::string(f->signature)) + "\n" + std::string(f->doc) + "\n";
        }
        break;
      case ast::Expr::Kind::Member: {
        const RecordType* record = record_of(e.operands.empty() ? nullptr : e.operands[0]->type);
        const FieldType* field = record ? record->find(e.text) : nullptr;
        if (field) text = field_hover(analysis, *record, *field);
        break;
      }
      case ast::Expr::Kind::Name:
        if (e.binding == ast::Binding::Local && e.type) {
          text = code_block(fmt::format("{}: {}", e.text, type_name(*e.type))) + "\nloop variable\n";
        }
        break;
      case ast::Expr::Kind::Comprehension:
      case ast::Expr::Kind::Quantifier:
        text = code_block(fmt::format("{}: {}", e.text, variable_type(e, false))) + "\nloop variable\n";
        break;
      default: break;
    }
  });
  return text;
}

// A field where its record declares it.
std::string field_declaration_hover(const Analysis& analysis, std::uint32_t offset) {
  for (const auto& record : analysis.program.records) {
    for (const FieldType& field : record->fields) {
      if (contains(field.range, analysis.file, offset)) return field_hover(analysis, *record, field);
    }
  }
  return "";
}

// A key of the output block: its path and its type in the target's schema.
std::string output_hover(const Analysis& analysis, std::uint32_t offset) {
  const ast::Output* output = analysis.program.output;
  if (!output || output->name != kPipelockTarget) return "";
  std::string found;
  std::function<void(const std::vector<ast::OutputItem>&, const TargetField&, const std::string&)>
      walk = [&](const std::vector<ast::OutputItem>& items, const TargetField& section,
                 const std::string& path) {
        for (const ast::OutputItem& item : items) {
          const TargetField* field = find_target_field(section, item.key);
          if (!field) continue;
          const std::string key = path + "." + item.key;
          if (contains(item.key_range, analysis.file, offset)) {
            found = code_block(fmt::format("{}: {}", key, output_type_name(*field))) +
                    "\npipelock output field\n";
          }
          walk(item.children, *field, key);
        }
      };
  walk(output->items, pipelock_schema(), std::string(kPipelockTarget));
  return found;
}

// A declaration's line, a constant's value, and the comment above it.
std::string declaration_hover(const NameIndex& index, const Declaration& d, const Analysis* analysis) {
  std::string code = fmt::format("{} {}{}", keyword_of(d.kind), d.name, d.detail.empty() ? "" : ": " + d.detail);
  if (analysis && analysis->lowered && d.kind == DeclarationKind::Const) {
    for (const ir::Constant& c : analysis->program.constants) {
      if (c.decl->name == d.name) code += " = " + value_text(c.value);
    }
  }
  std::string text = code_block(code);
  const std::string comment = index.comment_of(d);
  if (!comment.empty()) text += "\n" + comment;
  return text;
}

}  // namespace

Json hover(const TextPosition& at, const Documents& documents, PositionEncoding encoding) {
  (void)encoding;  // the answer has no range
  const std::unique_ptr<Analysis> analysis = analyze(*at.document, documents);
  if (analysis) {
    std::string text = expression_hover(*analysis, at.offset);
    if (text.empty()) text = output_hover(*analysis, at.offset);
    if (text.empty()) text = field_declaration_hover(*analysis, at.offset);
    if (!text.empty()) return markdown(text);
  }
  const NameIndex index = index_names(*at.document, documents);
  const std::optional<Symbol> symbol = index.symbol_at(at.document->path, at.offset);
  if (!symbol) return nullptr;
  if (symbol->local >= 0) return markdown(code_block(symbol->name) + "\nloop variable\n");
  std::string text;
  for (const Declaration* d : index.declarations_of(symbol->name)) {
    text += declaration_hover(index, *d, analysis.get());
  }
  return markdown(text);
}

}  // namespace policyc::lsp
