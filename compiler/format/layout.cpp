#include "compiler/format/layout.hpp"

#include <algorithm>

#include "compiler/syntax/comments.hpp"
#include "compiler/syntax/parse.hpp"
#include "grammar/policy_errors.hpp"

namespace policyc {

namespace pegtl = tao::pegtl;

namespace {

class LayoutBuilder {
 public:
  LayoutBuilder(const std::string& text, Layout& layout)
      : text_(text), layout_(layout), comments_(scan_comments(text)) {
    line_starts_.push_back(0);
    for (std::uint32_t i = 0; i < text.size(); ++i) {
      if (text[i] == '\n') line_starts_.push_back(i + 1);
    }
  }

  void build(const ParseNode& root);
  void attach_comments();
  void mark_blank_lines(Container& container, bool is_file);

 private:
  std::uint32_t begin_of(const ParseNode& node) const {
    return static_cast<std::uint32_t>(node.m_begin.data - text_.data());
  }
  std::uint32_t end_of(const ParseNode& node) const {
    auto end = static_cast<std::uint32_t>(node.m_end.data - text_.data());
    return std::max(begin_of(node), end_of_previous_token(text_, end, begin_of(node)));
  }
  std::size_t line_of(std::uint32_t offset) const {
    return std::upper_bound(line_starts_.begin(), line_starts_.end(), offset) -
           line_starts_.begin();
  }
  bool has_comment_inside(std::uint32_t open, std::uint32_t close) const {
    auto first = std::upper_bound(comments_.begin(), comments_.end(), open,
                                  [](std::uint32_t at, const Comment& c) { return at < c.begin; });
    return first != comments_.end() && first->begin < close;
  }

  Container* new_container(std::uint32_t open, std::uint32_t close) {
    layout_.storage.push_back(std::make_unique<Container>());
    layout_.storage.back()->open = open;
    layout_.storage.back()->close = close;
    return layout_.storage.back().get();
  }
  Slot make_slot(Slot::Kind kind, const ParseNode& node, const void* ast_node) {
    Slot slot;
    slot.kind = kind;
    slot.begin = begin_of(node);
    slot.end = end_of(node);
    slot.node = ast_node;
    return slot;
  }
  // A block whose '{' is the first token at or after `header_end`.
  Container* block_after(std::uint32_t header_end, std::uint32_t decl_end) {
    return new_container(skip_trivia(text_, header_end), decl_end - 1);
  }

  bool is_broken(const ast::Expr& list);
  void add_lists(Slot& slot, const ast::Expr& expr);
  Slot record_slot(Slot::Kind kind, const ParseNode& decl, const ast::Record& record);
  Slot output_item_slot(const ParseNode& node, const ast::OutputItem& item);

  void attach(const Comment& comment);

  const std::string& text_;
  Layout& layout_;
  std::vector<Comment> comments_;
  std::vector<std::uint32_t> line_starts_;
  std::map<const ast::Expr*, bool> broken_;
};

// `[`/`]` of a list (`{`/`}` of a record literal) whose range may include parentheses
// around it.
std::pair<std::uint32_t, std::uint32_t> brackets_of(const std::string& text, const ast::Expr& e) {
  std::uint32_t open = e.range.begin;
  while (open < e.range.end && text[open] == '(') open = skip_trivia(text, open + 1);
  std::uint32_t end = e.range.end;
  while (end > open && text[end - 1] == ')') end = end_of_previous_token(text, end - 1);
  return {open, end - 1};
}

bool is_collection(const ast::Expr& e) {
  return e.kind == ast::Expr::Kind::List || e.kind == ast::Expr::Kind::Record;
}

// Where an element of a list, or a field of a record literal (its name), starts.
std::uint32_t element_begin(const ast::Expr& collection, std::size_t i) {
  return collection.kind == ast::Expr::Kind::Record ? collection.field_ranges[i].begin
                                                    : collection.operands[i]->range.begin;
}

// A list or record literal is printed one element per line when it was written so (its
// first element on a later line than the bracket), holds a comment, or holds a list or
// record literal printed that way.
bool LayoutBuilder::is_broken(const ast::Expr& list) {
  auto cached = broken_.find(&list);
  if (cached != broken_.end()) return cached->second;
  auto [open, close] = brackets_of(text_, list);
  bool broken = (!list.operands.empty() && line_of(element_begin(list, 0)) > line_of(open)) ||
                has_comment_inside(open, close);
  std::vector<const ast::Expr*> stack;
  for (const auto& element : list.operands) stack.push_back(element.get());
  while (!stack.empty() && !broken) {
    const ast::Expr* e = stack.back();
    stack.pop_back();
    if (is_collection(*e) && is_broken(*e)) broken = true;
    for (const auto& operand : e->operands) stack.push_back(operand.get());
  }
  broken_[&list] = broken;
  return broken;
}

void LayoutBuilder::add_lists(Slot& slot, const ast::Expr& expr) {
  if (!is_collection(expr) || !is_broken(expr)) {
    for (const auto& operand : expr.operands) add_lists(slot, *operand);
    return;
  }
  auto [open, close] = brackets_of(text_, expr);
  Container* list = new_container(open, close);
  layout_.broken_lists[&expr] = list;
  slot.nested.push_back(list);
  for (std::size_t i = 0; i < expr.operands.size(); ++i) {
    const ast::Expr& element = *expr.operands[i];
    Slot item;
    item.kind = Slot::Kind::Element;
    if (expr.kind == ast::Expr::Kind::Record) {
      item.kind = Slot::Kind::RecordField;
      item.raw = expr.field_names[i];
    }
    item.begin = element_begin(expr, i);
    item.end = element.range.end;
    item.node = &element;
    add_lists(item, element);
    list->slots.push_back(std::move(item));
  }
}

Slot LayoutBuilder::record_slot(Slot::Kind kind, const ParseNode& decl, const ast::Record& record) {
  Slot slot = make_slot(kind, decl, &record);
  const std::uint32_t header_end =
      kind == Slot::Kind::Params ? begin_of(decl) + 6 : end_of(*decl.children.front());
  slot.block = block_after(header_end, slot.end);
  slot.nested.push_back(slot.block);
  std::size_t field = 0, removed = 0, renamed = 0, together = 0;
  for (const auto& child : decl.children) {
    if (child->is_type<g::field_member>()) {
      const ast::Field& f = record.body.fields[field++];
      Slot member = make_slot(Slot::Kind::Field, *child, &f);
      if (f.default_value) add_lists(member, *f.default_value);
      slot.block->slots.push_back(std::move(member));
    } else if (child->is_type<g::removed_member>()) {
      Slot member = make_slot(Slot::Kind::Removed, *child, &record.body.removed[removed++]);
      member.raw = child->children[1]->string();
      slot.block->slots.push_back(std::move(member));
    } else if (child->is_type<g::renamed_member>()) {
      slot.block->slots.push_back(
          make_slot(Slot::Kind::Renamed, *child, &record.body.renamed[renamed++]));
    } else if (child->is_type<g::together_member>()) {
      slot.block->slots.push_back(
          make_slot(Slot::Kind::Together, *child, &record.body.together[together++]));
    }
  }
  return slot;
}

Slot LayoutBuilder::output_item_slot(const ParseNode& node, const ast::OutputItem& item) {
  Slot slot = make_slot(Slot::Kind::OutputItem, node, &item);
  if (item.condition) add_lists(slot, *item.condition);
  if (item.value) add_lists(slot, *item.value);
  if (!item.is_block) return slot;
  const ParseNode& block = *node.children.back();
  slot.block = new_container(begin_of(block), slot.end - 1);
  slot.nested.push_back(slot.block);
  std::size_t index = 0;
  for (const auto& child : block.children) {
    slot.block->slots.push_back(output_item_slot(*child, item.children[index++]));
  }
  return slot;
}

void LayoutBuilder::build(const ParseNode& root) {
  ast::PolicyFile& file = layout_.file;
  std::size_t imports = 0, consts = 0, records = 0, manifests = 0, params = 0, sets = 0, rules = 0,
              outputs = 0;
  for (const auto& decl_ptr : root.children) {
    const ParseNode& decl = *decl_ptr;
    if (decl.is_type<g::import_decl>()) {
      layout_.top.slots.push_back(make_slot(Slot::Kind::Import, decl, &file.imports[imports++]));
    } else if (decl.is_type<g::const_decl>() || decl.is_type<g::let_decl>()) {
      const ast::Const& c = file.consts[consts++];
      Slot slot = make_slot(Slot::Kind::Const, decl, &c);
      add_lists(slot, *c.value);
      layout_.top.slots.push_back(std::move(slot));
    } else if (decl.is_type<g::record_decl>()) {
      layout_.top.slots.push_back(record_slot(Slot::Kind::Record, decl, file.records[records++]));
    } else if (decl.is_type<g::manifest_decl>()) {
      layout_.top.slots.push_back(
          record_slot(Slot::Kind::Manifest, decl, file.manifests[manifests++]));
    } else if (decl.is_type<g::params_decl>()) {
      layout_.top.slots.push_back(record_slot(Slot::Kind::Params, decl, file.params[params++]));
    } else if (decl.is_type<g::set_decl>()) {
      layout_.top.slots.push_back(make_slot(Slot::Kind::Set, decl, &file.sets[sets++]));
    } else if (decl.is_type<g::rule_decl>()) {
      const ast::Rule& rule = file.rules[rules++];
      Slot slot = make_slot(Slot::Kind::Rule, decl, &rule);
      std::uint32_t header_end = end_of(*decl.children.front());
      if (rule.condition) {
        add_lists(slot, *rule.condition);
        header_end = end_of(*decl.children[1]);
      }
      slot.block = block_after(header_end, slot.end);
      slot.nested.push_back(slot.block);
      std::size_t index = 0;
      for (const auto& child : decl.children) {
        if (!child->is_type<g::add_statement>()) continue;
        const ast::AddStatement& add = rule.adds[index++];
        Slot statement = make_slot(Slot::Kind::Add, *child, &add);
        add_lists(statement, *add.value);
        slot.block->slots.push_back(std::move(statement));
      }
      layout_.top.slots.push_back(std::move(slot));
    } else if (decl.is_type<g::output_decl>()) {
      const ast::Output& output = file.outputs[outputs++];
      Slot slot = make_slot(Slot::Kind::Output, decl, &output);
      slot.block = block_after(end_of(*decl.children.front()), slot.end);
      slot.nested.push_back(slot.block);
      std::size_t index = 0;
      for (const auto& child : decl.children) {
        if (!child->is_type<g::output_item>()) continue;
        slot.block->slots.push_back(output_item_slot(*child, output.items[index++]));
      }
      layout_.top.slots.push_back(std::move(slot));
    }
  }
}

// Places one comment: a comment after code on its line belongs to the line's last
// construct; a comment on its own line to the construct below it. A comment written
// inside a construct that prints as one line moves above it.
void LayoutBuilder::attach(const Comment& comment) {
  const bool trailing = !comment.own_line;
  const std::uint32_t line_start = line_starts_[line_of(comment.begin) - 1];
  const std::uint32_t at =
      trailing ? end_of_previous_token(text_, comment.begin, line_start) - 1 : comment.begin;
  CommentLine line{comment_text(text_, comment), comment.begin, comment.end, false, false};
  Container* container = &layout_.top;
  for (;;) {
    // Slots are in source order and do not overlap: the first one starting after `at`,
    // and the one before it, which may hold `at`.
    auto next =
        std::upper_bound(container->slots.begin(), container->slots.end(), at,
                         [](std::uint32_t offset, const Slot& s) { return offset < s.begin; });
    auto inside = next != container->slots.begin() && at < (next - 1)->end ? next - 1
                                                                           : container->slots.end();
    if (inside == container->slots.end()) {
      if (trailing && container != &layout_.top && at == container->open) {
        container->header_trailing = line.text;
        return;
      }
      if (trailing && next != container->slots.begin()) {
        Slot& previous = *(next - 1);
        if (previous.trailing.empty() && line_of(previous.end - 1) == line_of(at)) {
          previous.trailing = line.text;
          return;
        }
      }
      if (next == container->slots.end())
        container->dangling.push_back(line);
      else
        next->leading.push_back(line);
      return;
    }
    Slot& slot = *inside;
    auto nested = std::find_if(slot.nested.begin(), slot.nested.end(),
                               [&](const Container* c) { return c->open <= at && at < c->close; });
    if (nested != slot.nested.end()) {
      container = *nested;
      continue;
    }
    if (trailing && slot.trailing.empty() && line_of(slot.end - 1) == line_of(at)) {
      slot.trailing = line.text;
      return;
    }
    line.moved = true;
    slot.leading.push_back(line);
    return;
  }
}

void LayoutBuilder::attach_comments() {
  for (const Comment& comment : comments_) attach(comment);
}

// Keeps one empty line where the source has one or more, never first in a block.
void LayoutBuilder::mark_blank_lines(Container& container, bool is_file) {
  bool first = true;
  std::uint32_t previous_end = is_file ? 0 : container.open;
  auto mark = [&](bool& blank, std::uint32_t begin, std::uint32_t end) {
    blank = !first && has_blank_line_between(text_, previous_end, begin);
    first = false;
    previous_end = end;
  };
  for (Slot& slot : container.slots) {
    for (CommentLine& line : slot.leading) {
      if (line.moved) {
        first = false;
        continue;
      }
      mark(line.blank_before, line.begin, line.end);
    }
    mark(slot.blank_before, slot.begin, slot.end);
    for (Container* nested : slot.nested) mark_blank_lines(*nested, false);
  }
  for (CommentLine& line : container.dangling) mark(line.blank_before, line.begin, line.end);
}

}  // namespace

std::unique_ptr<Layout> build_layout(FileId file, const std::string& text) {
  auto layout = std::make_unique<Layout>();
  layout->file.file = file;
  // A UTF-8 byte order mark is skipped as the parser does, and not written back.
  const std::size_t start = text.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
  pegtl::memory_input<> in(text.data() + start, text.data() + text.size(), "");
  auto root = pegtl::parse_tree::parse<grammar::policy_file, ParseNode, ParseTreeSelector,
                                       pegtl::nothing, grammar::control>(in);
  if (!root) return nullptr;
  AstBuilder(file, text, layout->file).add_declarations(*root);
  LayoutBuilder builder(text, *layout);
  builder.build(*root);
  builder.attach_comments();
  builder.mark_blank_lines(layout->top, true);
  return layout;
}

}  // namespace policyc
