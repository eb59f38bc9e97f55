#include "lsp/completion.hpp"

#include <set>

#include "compiler/check/builtins.hpp"
#include "compiler/syntax/comments.hpp"
#include "lsp/analysis.hpp"
#include "lsp/names.hpp"
#include "pipelock/schema/output_schema.hpp"

namespace policyc::lsp {

namespace {

using Json = nlohmann::json;

// LSP CompletionItemKind values.
constexpr int kFunction = 3, kField = 5, kVariable = 6, kClass = 7, kProperty = 10,
              kKeyword = 14, kEnumMember = 20, kTypeParameter = 25;

constexpr const char* kKeywords[] = {
    "import", "const", "let",  "record", "manifest", "params", "set",   "rule", "output",
    "when",   "removed", "together", "unique", "for", "in", "if", "then", "else", "any",
    "all",    "and",   "or",   "not",    "true",  "false"};
// compiler/check/type_resolution.cpp names these; the list here is only what to offer.
constexpr const char* kTypes[] = {"bool", "int",  "string", "hostname", "path",
                                  "cidr", "list", "map",    "enum"};

int item_kind(DeclarationKind kind) {
  switch (kind) {
    case DeclarationKind::Record:
    case DeclarationKind::Manifest:
    case DeclarationKind::Params: return kClass;
    default: return kVariable;
  }
}

bool is_word(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

std::uint32_t word_start(std::string_view text, std::uint32_t offset) {
  while (offset > 0 && is_word(text[offset - 1])) --offset;
  return offset;
}

std::uint32_t skip_blanks_back(std::string_view text, std::uint32_t offset) {
  while (offset > 0 && (text[offset - 1] == ' ' || text[offset - 1] == '\t')) --offset;
  return offset;
}

class Items {
 public:
  /// The new item, or nullptr when the label was offered already.
  Json* offer(const std::string& label, int kind, const std::string& detail,
              const std::string& documentation = "") {
    if (!offered_.insert(label).second) return nullptr;
    items_.push_back({{"label", label}, {"kind", kind}, {"detail", detail}});
    if (!documentation.empty()) {
      items_.back()["documentation"] = {{"kind", "markdown"}, {"value", documentation}};
    }
    return &items_.back();
  }
  Json result() { return {{"isIncomplete", false}, {"items", std::move(items_)}}; }

 private:
  Json items_ = Json::array();
  std::set<std::string> offered_;
};

// The type of `bottle.egress`, `params` or `CONST.field` from the declarations alone:
// for a chain in a declaration that does not parse even once cut, which the checker
// never sees (`rule r when bottle.` before its `{` is written).
TypeRef type_by_name(const ir::Program& program, const std::string& chain) {
  const std::size_t dot = chain.find('.');
  const std::string root = chain.substr(0, dot);
  TypeRef type;
  if (program.manifest && root == program.manifest_name) {
    type = record_type(*program.manifest);
  } else if (program.params && root == "params") {
    type = record_type(*program.params);
  } else {
    for (const ir::Constant& c : program.constants) {
      if (c.decl->name == root) type = c.type;
    }
  }
  for (std::size_t at = dot; type && at != std::string::npos;) {
    const std::size_t next = chain.find('.', at + 1);
    const RecordType* record = record_of(type);
    const FieldType* field = record ? record->find(chain.substr(at + 1, next - at - 1)) : nullptr;
    type = field ? field->type : nullptr;
    at = next;
  }
  return type;
}

// The type of a chain, with the analysis that owns the records it points to.
struct Chain {
  std::unique_ptr<Analysis> analysis;
  TypeRef type;
};

// The type of the name or member chain that ends at `chain_end` once the text from
// there to `cut_end` is cut: `bottle.egress.` and `bottle.egress.dlp_action == "` both
// leave `bottle.egress...` a complete expression the checker types.
Chain chain_type(const TextPosition& at, const Documents& documents, std::uint32_t chain_end,
                 std::uint32_t cut_end) {
  const std::string& text = at.document->text;
  std::uint32_t chain_begin = chain_end;
  while (chain_begin > 0 && (is_word(text[chain_begin - 1]) || text[chain_begin - 1] == '.')) {
    --chain_begin;
  }
  if (chain_begin == chain_end) return {};
  const std::string repaired = text.substr(0, chain_end) + text.substr(cut_end);
  Chain chain{analyze(*at.document, documents, &repaired), nullptr};
  std::uint32_t found_begin = chain_end;
  for_each_expr(*chain.analysis, [&](const ast::Expr& e) {
    // The longest expression inside the chain that ends with it.
    if (e.range.end == chain_end && e.range.begin >= chain_begin && e.range.begin <= found_begin) {
      chain.type = e.type;
      found_begin = e.range.begin;
    }
  });
  if (!chain.type) {
    chain.type = type_by_name(chain.analysis->program, text.substr(chain_begin, chain_end - chain_begin));
  }
  return chain;
}

// After `x.`: the fields of x's record type.
bool offer_fields(const TextPosition& at, const Documents& documents, std::uint32_t word,
                  Items& items) {
  const std::string& text = at.document->text;
  if (word == 0 || text[word - 1] != '.') return false;
  const Chain chain = chain_type(at, documents, word - 1, at.offset);
  const RecordType* record = record_of(chain.type);
  for (const FieldType& field : record ? record->fields : std::vector<FieldType>{}) {
    items.offer(field.name, kField, type_name(*field.type),
                field.range.valid()
                    ? field_comment(chain.analysis->sources.file(field.range.file).text(),
                                    field.range.begin)
                    : "");
  }
  return true;  // only a field can follow a '.'
}

// The end of what a literal typed up to `offset` takes: an editor may have closed the
// string already, and its quote goes too.
std::uint32_t typed_end(const std::string& text, std::uint32_t offset, bool quoted) {
  return offset + (quoted && text.compare(offset, 1, "\"") == 0);
}

// The string literals of `values`, each replacing the text from `replaced.first` to
// `replaced.second`: what is typed of the string, both quotes included.
void offer_literals(const std::string& text, std::pair<std::uint32_t, std::uint32_t> replaced,
                    PositionEncoding encoding, const std::vector<std::string>& values,
                    const std::string& detail, Items& items) {
  const Position start = position_of(text, replaced.first, encoding);
  const Position end = position_of(text, replaced.second, encoding);
  const Json range = {{"start", {{"line", start.line}, {"character", start.character}}},
                      {"end", {{"line", end.line}, {"character", end.character}}}};
  for (const std::string& value : values) {
    const std::string literal = "\"" + value + "\"";
    if (Json* item = items.offer(literal, kEnumMember, detail)) {
      (*item)["textEdit"] = {{"range", range}, {"newText", literal}};
    }
  }
}

// After `x == ` or `x != ` (or inside the string begun there), x an enum: its values.
bool offer_enum_values(const TextPosition& at, const Documents& documents,
                       PositionEncoding encoding, std::uint32_t word, Items& items) {
  const std::string& text = at.document->text;
  std::uint32_t before = word;
  const bool quoted = before > 0 && text[before - 1] == '"';
  if (quoted) --before;
  before = skip_blanks_back(text, before);
  if (before < 2 || text[before - 1] != '=' || (text[before - 2] != '=' && text[before - 2] != '!')) {
    return false;
  }
  const std::uint32_t chain_end = skip_blanks_back(text, before - 2);
  const std::uint32_t cut_end = typed_end(text, at.offset, quoted);
  const Chain chain = chain_type(at, documents, chain_end, cut_end);
  const TypeRef& type = chain.type;
  if (!type || type->kind != Type::Kind::Enum) return false;
  offer_literals(text, {quoted ? word - 1 : word, cut_end}, encoding, type->enum_values,
                 type_name(*type), items);
  return true;
}

// The blocks open at `offset`, outermost first: each named by the first word of the
// line that opened it ("output", "dlp"), or "=" for a record literal.
std::vector<std::string> open_blocks(std::string_view text, std::uint32_t offset) {
  std::vector<std::string> blocks;
  std::size_t line_start = 0;
  int brackets = 0;  // ( and [ open: a brace inside is a literal
  for (std::size_t i = 0; i < offset; ++i) {
    const char c = text[i];
    if (c == '"') {
      for (++i; i < offset && text[i] != '"' && text[i] != '\n'; ++i) i += text[i] == '\\';
    } else if (c == '#') {
      while (i + 1 < offset && text[i + 1] != '\n') ++i;
    } else if (c == '\n') {
      line_start = i + 1;
    } else if (c == '(' || c == '[') {
      ++brackets;
    } else if ((c == ')' || c == ']') && brackets > 0) {
      --brackets;
    } else if (c == '{') {
      std::size_t w = line_start;
      while (w < i && (text[w] == ' ' || text[w] == '\t')) ++w;
      std::size_t end = w;
      while (end < i && is_word(text[end])) ++end;
      const std::size_t after = text.find_first_not_of(" \t", end);
      const bool literal = brackets > 0 || end == w || text[after] == '=';
      blocks.push_back(literal ? "=" : std::string(text.substr(w, end - w)));
    } else if (c == '}' && !blocks.empty()) {
      blocks.pop_back();
    }
  }
  return blocks;
}

// The section of `output pipelock { ... }` the line starting at `line` is in, or nullptr.
const TargetField* output_section_at(std::string_view text, std::uint32_t line) {
  const std::vector<std::string> blocks = open_blocks(text, line);
  if (blocks.empty() || blocks.front() != "output") return nullptr;
  const TargetField* section = &pipelock_schema();
  for (std::size_t i = 1; i < blocks.size() && section; ++i) {
    section = find_target_field(*section, blocks[i]);
  }
  return section && section->type == TargetField::Type::Section ? section : nullptr;
}

std::uint32_t line_start(std::string_view text, std::uint32_t offset) {
  const std::size_t newline = offset == 0 ? std::string_view::npos : text.rfind('\n', offset - 1);
  return newline == std::string_view::npos ? 0 : static_cast<std::uint32_t>(newline + 1);
}

// At the start of a line in `output pipelock { ... }` or a section of it: the keys the
// output schema has there.
bool offer_output_keys(const TextPosition& at, std::uint32_t word, Items& items) {
  const std::string& text = at.document->text;
  const std::uint32_t line = line_start(text, word);
  if (skip_blanks_back(text, word) != line) return false;
  const TargetField* section = output_section_at(text, line);
  if (!section) return false;
  for (const TargetField& field : section->children) {
    if (Json* item = items.offer(field.key, kProperty, output_type_name(field))) {
      // What follows the key: a section's block, or a value.
      (*item)["insertText"] =
          field.key + (field.type == TargetField::Type::Section ? " {" : " = ");
    }
  }
  return true;
}

// After `key = ` (or inside the string begun there) in the output block, the key an
// enum of the schema: its values.
bool offer_output_values(const TextPosition& at, PositionEncoding encoding, std::uint32_t word,
                         Items& items) {
  const std::string& text = at.document->text;
  const bool quoted = word > 0 && text[word - 1] == '"';
  const std::uint32_t equals = skip_blanks_back(text, quoted ? word - 1 : word);
  if (equals < 2 || text[equals - 1] != '=') return false;
  const std::uint32_t key_end = skip_blanks_back(text, equals - 1);
  if (key_end == 0 || !is_word(text[key_end - 1])) return false;  // not `==`, `!=`, `+=`
  const std::uint32_t key = word_start(text, key_end);
  const std::uint32_t line = line_start(text, key);
  const TargetField* section =
      skip_blanks_back(text, key) == line ? output_section_at(text, line) : nullptr;
  const TargetField* field =
      section ? find_target_field(*section, text.substr(key, key_end - key)) : nullptr;
  if (!field || field->type != TargetField::Type::Enum) return false;
  offer_literals(text, {quoted ? word - 1 : word, typed_end(text, at.offset, quoted)}, encoding,
                 field->enum_values, output_type_name(*field), items);
  return true;
}

void offer_names(const TextPosition& at, const Documents& documents, Items& items) {
  const NameIndex index = index_names(*at.document, documents);
  for (const Declaration& d : index.declarations) {
    if (d.kind == DeclarationKind::Rule || d.kind == DeclarationKind::Output) continue;
    items.offer(d.name, item_kind(d.kind),
                std::string(keyword_of(d.kind)) + (d.detail.empty() ? "" : ": " + d.detail),
                index.comment_of(d));
  }
  for (const BuiltinFunction& f : kBuiltins) {
    if (Json* item = items.offer(std::string(f.name), kFunction, std::string(f.signature),
                                 std::string(f.doc))) {
      (*item)["insertText"] = std::string(f.name) + "(";
    }
  }
  for (const char* name : kTypes) items.offer(name, kTypeParameter, "type");
  for (const char* name : kKeywords) items.offer(name, kKeyword, "keyword");
}

}  // namespace

Json completion(const TextPosition& at, const Documents& documents, PositionEncoding encoding) {
  Items items;
  const std::uint32_t word = word_start(at.document->text, at.offset);
  if (!offer_fields(at, documents, word, items) &&
      !offer_enum_values(at, documents, encoding, word, items) &&
      !offer_output_keys(at, word, items) && !offer_output_values(at, encoding, word, items)) {
    offer_names(at, documents, items);
  }
  return items.result();
}

}  // namespace policyc::lsp
