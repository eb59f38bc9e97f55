// Prints a Layout in the canonical form described in compiler/format/format.hpp.
#include <fmt/format.h>

#include "compiler/syntax/comments.hpp"
#include "compiler/format/format.hpp"
#include "compiler/format/layout.hpp"
#include "compiler/syntax/parse.hpp"

namespace policyc {

using ast::Expr;

namespace {

std::size_t display_width(std::string_view text) {
  std::size_t width = 0;
  for (unsigned char c : text) width += (c & 0xC0) != 0x80;
  return width;
}

class Writer {
 public:
  void start(std::size_t indent) { line_.assign(indent, ' '); }
  void text(std::string_view s) { line_ += s; }
  std::size_t column() const { return display_width(line_); }
  void end_line(const std::string& comment = "") {
    while (!line_.empty() && line_.back() == ' ') line_.pop_back();
    if (!comment.empty()) {
      const std::size_t width = display_width(line_);
      std::size_t pad = width + 2 < kCommentColumn - 1 ? kCommentColumn - 1 - width : 2;
      if (line_.empty()) pad = 0;
      line_ += std::string(pad, ' ') + comment;
    }
    out_ += line_;
    out_ += '\n';
    line_.clear();
  }
  void blank_line() { out_ += '\n'; }
  const std::string& line() const { return line_; }
  std::string take() { return std::move(out_); }

 private:
  std::string out_;
  std::string line_;
};

bool is_block_declaration(const Slot& slot) {
  switch (slot.kind) {
    case Slot::Kind::Record:
    case Slot::Kind::Manifest:
    case Slot::Kind::Params:
    case Slot::Kind::Rule:
    case Slot::Kind::Output:
      return true;
    default:
      return false;
  }
}

std::string loop_variables(const Expr& e) {
  return e.key_name.empty() ? e.text : e.key_name + ", " + e.text;
}

const char* binary_operator(Expr::Kind kind) {
  switch (kind) {
    case Expr::Kind::Add:
      return " + ";
    case Expr::Kind::Equal:
      return " == ";
    case Expr::Kind::NotEqual:
      return " != ";
    case Expr::Kind::In:
      return " in ";
    case Expr::Kind::And:
      return " and ";
    case Expr::Kind::Or:
      return " or ";
    default:
      return nullptr;
  }
}

class Printer {
 public:
  Printer(const std::string& text, const Layout* layout, bool flat)
      : text_(text), layout_(layout), flat_(flat) {}

  void body(const Container& container, std::size_t indent, bool is_file);
  void expr(const Expr& e, std::size_t indent);
  std::string flat(const Expr& e) const {
    Printer printer(text_, nullptr, true);
    printer.expr(e, 0);
    return printer.writer_.line();
  }
  std::string take() { return writer_.take(); }

 private:
  void comment_line(const CommentLine& line, std::size_t indent) {
    writer_.start(indent);
    writer_.text(line.text);
    writer_.end_line();
  }
  void slot(const Slot& s, std::size_t indent);
  void block(const Slot& s, std::size_t indent);
  void collection(const Expr& e, std::size_t indent);
  void element(const Expr& collection, std::size_t i, std::size_t indent);
  std::string type(const ast::TypeExpr& t) const;
  std::string raw(SourceRange range) const {
    return text_.substr(range.begin, range.end - range.begin);
  }
  // A literal's own text, without parentheses written around it.
  std::string raw_literal(const Expr& e) const {
    std::uint32_t begin = e.range.begin, end = e.range.end;
    while (begin < end && text_[begin] == '(') begin = skip_trivia(text_, begin + 1);
    while (end > begin && text_[end - 1] == ')') end = end_of_previous_token(text_, end - 1);
    return text_.substr(begin, end - begin);
  }
  // The AST drops parentheses but widens the range of what they enclose to include them.
  bool parenthesized(const Expr& e) const {
    if (binary_operator(e.kind) || e.kind == Expr::Kind::Member) {
      return e.range.begin < e.operands.front()->range.begin;
    }
    return text_[e.range.begin] == '(';
  }

  const std::string& text_;
  const Layout* layout_;
  bool flat_;
  Writer writer_;
};

void Printer::body(const Container& container, std::size_t indent, bool is_file) {
  bool first = true;
  const Slot* previous = nullptr;
  for (const Slot& s : container.slots) {
    // Block declarations always stand apart; other lines keep the source's empty lines.
    bool gap = is_file && previous && (is_block_declaration(*previous) || is_block_declaration(s));
    for (const CommentLine& line : s.leading) {
      if (!first && (gap || line.blank_before)) writer_.blank_line();
      comment_line(line, indent);
      first = gap = false;
    }
    if (!first && (gap || s.blank_before)) writer_.blank_line();
    slot(s, indent);
    first = false;
    previous = &s;
  }
  for (const CommentLine& line : container.dangling) {
    if (!first && line.blank_before) writer_.blank_line();
    comment_line(line, indent);
    first = false;
  }
}

void Printer::block(const Slot& s, std::size_t indent) {
  const Container& inner = *s.block;
  writer_.text(" {");
  if (inner.slots.empty() && inner.dangling.empty() && inner.header_trailing.empty()) {
    writer_.text("}");
    return;
  }
  writer_.end_line(inner.header_trailing);
  body(inner, indent + 2, false);
  writer_.start(indent);
  writer_.text("}");
}

void Printer::slot(const Slot& s, std::size_t indent) {
  writer_.start(indent);
  switch (s.kind) {
    case Slot::Kind::Import:
      writer_.text("import " + raw(static_cast<const ast::Import*>(s.node)->range));
      break;
    case Slot::Kind::Const: {
      const auto& c = *static_cast<const ast::Const*>(s.node);
      writer_.text((c.reads_bottle ? "let " : "const ") + c.name);
      if (c.type) writer_.text(": " + type(*c.type));
      writer_.text(" = ");
      expr(*c.value, indent);
      break;
    }
    case Slot::Kind::Set: {
      const auto& set = *static_cast<const ast::Set*>(s.node);
      writer_.text("set " + set.name + ": " + type(set.element));
      break;
    }
    case Slot::Kind::Record:
    case Slot::Kind::Manifest:
    case Slot::Kind::Params: {
      const auto& record = *static_cast<const ast::Record*>(s.node);
      writer_.text(s.kind == Slot::Kind::Params   ? std::string("params")
                   : s.kind == Slot::Kind::Record ? "record " + record.name
                                                  : "manifest " + record.name);
      block(s, indent);
      break;
    }
    case Slot::Kind::Rule: {
      const auto& rule = *static_cast<const ast::Rule*>(s.node);
      writer_.text("rule " + rule.name);
      if (rule.condition) {
        writer_.text(" when ");
        expr(*rule.condition, indent);
      }
      block(s, indent);
      break;
    }
    case Slot::Kind::Output:
      writer_.text("output " + static_cast<const ast::Output*>(s.node)->name);
      block(s, indent);
      break;
    case Slot::Kind::Field: {
      const auto& field = *static_cast<const ast::Field*>(s.node);
      writer_.text(field.name + ": " + type(field.type));
      if (field.default_value) {
        writer_.text(" = ");
        expr(*field.default_value, indent);
      }
      if (!field.unique_key.empty()) writer_.text(" unique(" + field.unique_key + ")");
      if (!field.host_rules.empty()) {
        std::vector<std::string> rules;
        for (const ast::HostRule& rule : field.host_rules) rules.push_back(rule.host_class + ": " + rule.action);
        writer_.text(fmt::format(" hosts({})", fmt::join(rules, ", ")));
      }
      break;
    }
    case Slot::Kind::Removed:
      writer_.text("removed " + static_cast<const ast::RemovedKey*>(s.node)->name + " " + s.raw);
      break;
    case Slot::Kind::Renamed: {
      const auto& renamed = *static_cast<const ast::RenamedKey*>(s.node);
      writer_.text("renamed " + renamed.name + " -> " + renamed.target);
      break;
    }
    case Slot::Kind::Together: {
      const auto& together = *static_cast<const ast::Together*>(s.node);
      writer_.text(fmt::format("together({})", fmt::join(together.names, ", ")));
      break;
    }
    case Slot::Kind::Add: {
      const auto& add = *static_cast<const ast::AddStatement*>(s.node);
      writer_.text(add.target + " += ");
      expr(*add.value, indent);
      break;
    }
    case Slot::Kind::OutputItem: {
      const auto& item = *static_cast<const ast::OutputItem*>(s.node);
      writer_.text(item.key);
      if (item.condition) {
        writer_.text(" when ");
        expr(*item.condition, indent);
      }
      if (item.is_block) {
        block(s, indent);
      } else {
        writer_.text(" = ");
        expr(*item.value, indent);
      }
      break;
    }
    case Slot::Kind::Element:
      expr(*static_cast<const Expr*>(s.node), indent);
      writer_.text(",");
      break;
    case Slot::Kind::RecordField:
      writer_.text(s.raw + " = ");
      expr(*static_cast<const Expr*>(s.node), indent);
      writer_.text(",");
      break;
  }
  writer_.end_line(s.trailing);
}

std::string Printer::type(const ast::TypeExpr& t) const {
  std::string out;
  switch (t.kind) {
    case ast::TypeExpr::Kind::Named:
      out = t.name;
      break;
    case ast::TypeExpr::Kind::List:
      out = "list<" + type(*t.element) + ">";
      break;
    case ast::TypeExpr::Kind::Map:
      out = "map<" + type(*t.element) + ">";
      break;
    case ast::TypeExpr::Kind::Enum: {
      std::vector<std::string> values;
      for (const SourceRange& range : t.enum_ranges) values.push_back(raw(range));
      out = fmt::format("enum({})", fmt::join(values, ", "));
      break;
    }
  }
  return t.optional ? out + "?" : out;
}

// One element of a list, or `name = value` of a record literal.
void Printer::element(const Expr& collection, std::size_t i, std::size_t indent) {
  if (collection.kind == Expr::Kind::Record) writer_.text(collection.field_names[i] + " = ");
  expr(*collection.operands[i], indent);
}

// A list `[a, b]` or a record literal `{ a = 1, b = 2 }` on one line, or one element per
// line (each followed by a comma) when it was written so, holds a comment, or is too wide.
void Printer::collection(const Expr& e, std::size_t indent) {
  const bool record = e.kind == Expr::Kind::Record;
  const char* open = record ? "{" : "[";
  const char* close = record ? "}" : "]";
  const Container* broken = nullptr;
  if (layout_) {
    auto it = layout_->broken_lists.find(&e);
    if (it != layout_->broken_lists.end()) broken = it->second;
  }
  const bool too_wide =
      !flat_ && !e.operands.empty() && writer_.column() + flat(e).size() > kLineWidth;
  if (flat_ || (!broken && !too_wide)) {
    writer_.text(open);
    if (record && !e.operands.empty()) writer_.text(" ");
    for (std::size_t i = 0; i < e.operands.size(); ++i) {
      if (i > 0) writer_.text(", ");
      element(e, i, indent);
    }
    if (record && !e.operands.empty()) writer_.text(" ");
    writer_.text(close);
    return;
  }
  writer_.text(open);
  writer_.end_line(broken ? broken->header_trailing : "");
  if (broken) {
    body(*broken, indent + 2, false);
  } else {
    for (std::size_t i = 0; i < e.operands.size(); ++i) {
      writer_.start(indent + 2);
      element(e, i, indent + 2);
      writer_.text(",");
      writer_.end_line();
    }
  }
  writer_.start(indent);
  writer_.text(close);
}

void Printer::expr(const Expr& e, std::size_t indent) {
  const bool parens = parenthesized(e);
  if (parens) writer_.text("(");
  if (const char* op = binary_operator(e.kind)) {
    expr(*e.operands[0], indent);
    writer_.text(op);
    expr(*e.operands[1], indent);
  } else {
    switch (e.kind) {
      case Expr::Kind::String:
      case Expr::Kind::Integer:
        writer_.text(raw_literal(e));
        break;
      case Expr::Kind::Bool:
        writer_.text(e.boolean ? "true" : "false");
        break;
      case Expr::Kind::Record:
      case Expr::Kind::List:
        collection(e, indent);
        break;
      case Expr::Kind::Comprehension:
        writer_.text("[");
        expr(*e.operands[0], indent);
        writer_.text(" for " + loop_variables(e) + " in ");
        expr(*e.operands[1], indent);
        if (e.operands.size() > 2) {
          writer_.text(" if ");
          expr(*e.operands[2], indent);
        }
        writer_.text("]");
        break;
      case Expr::Kind::Quantifier:
        writer_.text(std::string(e.boolean ? "all(" : "any(") + loop_variables(e) + " in ");
        expr(*e.operands[0], indent);
        writer_.text(": ");
        expr(*e.operands[1], indent);
        writer_.text(")");
        break;
      case Expr::Kind::Call:
        writer_.text(e.text + "(");
        for (std::size_t i = 0; i < e.operands.size(); ++i) {
          if (i > 0) writer_.text(", ");
          expr(*e.operands[i], indent);
        }
        writer_.text(")");
        break;
      case Expr::Kind::Name:
        writer_.text(e.text);
        break;
      case Expr::Kind::Member:
        expr(*e.operands[0], indent);
        writer_.text("." + e.text);
        break;
      case Expr::Kind::Not:
        writer_.text("not ");
        expr(*e.operands[0], indent);
        break;
      case Expr::Kind::Conditional:
        writer_.text("if ");
        expr(*e.operands[0], indent);
        writer_.text(" then ");
        expr(*e.operands[1], indent);
        if (e.operands.size() > 2) {
          writer_.text(" else ");
          expr(*e.operands[2], indent);
        }
        break;
      default:
        break;
    }
  }
  if (parens) writer_.text(")");
}

}  // namespace

std::optional<std::string> format_policy(const SourceManager& sources, FileId file,
                                         DiagnosticSink& diags) {
  const std::size_t errors_before = diags.error_count();
  parse_policy(sources, file, diags);
  if (diags.error_count() != errors_before) return std::nullopt;
  const std::string& text = sources.file(file).text();
  std::unique_ptr<Layout> layout = build_layout(file, text);
  if (!layout) return std::nullopt;
  Printer printer(text, layout.get(), false);
  printer.body(layout->top, 0, true);
  return printer.take();
}

std::string format_expression(const Expr& e, const std::string& text) {
  return Printer(text, nullptr, true).flat(e);
}

}  // namespace policyc
