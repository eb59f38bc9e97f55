#include "compiler/syntax/ast_snapshot.hpp"

#include <cstring>
#include <stdexcept>
#include <type_traits>

#include "compiler/syntax/embedded_policies.hpp"

namespace policyc {

namespace {

// The number changes with the layout: an old snapshot is refused, never misread.
constexpr std::string_view kMagic = "policyc-ast-6\n";

std::uint64_t text_hash(std::string_view text) {  // FNV-1a: a staleness check, not a MAC
  std::uint64_t hash = 14695981039346656037ull;
  for (unsigned char c : text) hash = (hash ^ c) * 1099511628211ull;
  return hash;
}

template <typename A> void visit(A& a, ast::TypeExpr& t);
template <typename A> void visit(A& a, ast::Expr& e);
template <typename A> void visit(A& a, ast::Field& f);
template <typename A> void visit(A& a, ast::HostRule& r);
template <typename A> void visit(A& a, ast::RemovedKey& r);
template <typename A> void visit(A& a, ast::Together& t);
template <typename A> void visit(A& a, ast::RenamedKey& r);
template <typename A> void visit(A& a, ast::RecordBody& b);
template <typename A> void visit(A& a, ast::Import& i);
template <typename A> void visit(A& a, ast::Const& c);
template <typename A> void visit(A& a, ast::Record& r);
template <typename A> void visit(A& a, ast::Set& s);
template <typename A> void visit(A& a, ast::AddStatement& s);
template <typename A> void visit(A& a, ast::Rule& r);
template <typename A> void visit(A& a, ast::OutputItem& o);
template <typename A> void visit(A& a, ast::Output& o);
template <typename A> void visit(A& a, ast::PolicyFile& f);

// One element of a list: a string or range as itself, anything else field by field.
template <typename A> void element(A& a, std::string& s) { a.io(s); }
template <typename A> void element(A& a, SourceRange& r) { a.io(r); }
template <typename A, typename T> void element(A& a, std::unique_ptr<T>& p) { a.io(p); }
template <typename A, typename T> void element(A& a, T& node) { visit(a, node); }

// Both directions share one description of the AST (`visit` below), so the reader can
// never drift from the writer. File ids are stored relative to the snapshot's first file.
class Writer {
 public:
  explicit Writer(FileId first) : first_(first) {}
  std::string bytes;

  void number(std::uint64_t value) {
    for (int i = 0; i < 8; ++i) bytes += static_cast<char>((value >> (8 * i)) & 0xff);
  }
  void io(std::string& s) {
    number(s.size());
    bytes += s;
  }
  void io(bool& b) { number(b ? 1 : 0); }
  void io(std::int64_t& i) { number(static_cast<std::uint64_t>(i)); }
  void io(std::size_t& i) { number(i); }
  void io(SourceRange& r) {
    number(r.file == kNoFile ? kNoFile : r.file - first_);
    number(r.begin);
    number(r.end);
  }
  template <typename Enum, typename = std::enable_if_t<std::is_enum_v<Enum>>>
  void io(Enum& e) {
    number(static_cast<std::uint64_t>(e));
  }
  template <typename T>
  void io(std::unique_ptr<T>& p) {
    number(p ? 1 : 0);
    if (p) visit(*this, *p);
  }
  template <typename T>
  void io(std::vector<T>& items) {
    number(items.size());
    for (T& item : items) element(*this, item);
  }

 private:
  FileId first_;
};

struct Malformed : std::runtime_error {
  Malformed() : std::runtime_error("malformed AST snapshot") {}
};

class Reader {
 public:
  Reader(std::string_view bytes, FileId first) : bytes_(bytes), first_(first) {}

  bool at_end() const { return at_ == bytes_.size(); }
  std::uint64_t number() {
    if (bytes_.size() - at_ < 8) throw Malformed();
    std::uint64_t value = 0;
    for (int i = 0; i < 8; ++i) {
      value |= static_cast<std::uint64_t>(static_cast<unsigned char>(bytes_[at_ + i])) << (8 * i);
    }
    at_ += 8;
    return value;
  }
  std::string_view text() {
    const std::uint64_t size = number();
    if (bytes_.size() - at_ < size) throw Malformed();
    std::string_view s = bytes_.substr(at_, size);
    at_ += size;
    return s;
  }
  void io(std::string& s) { s = std::string(text()); }
  void io(bool& b) { b = number() != 0; }
  void io(std::int64_t& i) { i = static_cast<std::int64_t>(number()); }
  void io(std::size_t& i) { i = number(); }
  void io(SourceRange& r) {
    const std::uint64_t file = number();
    r.file = file == kNoFile ? kNoFile : static_cast<FileId>(file + first_);
    r.begin = static_cast<std::uint32_t>(number());
    r.end = static_cast<std::uint32_t>(number());
  }
  template <typename Enum, typename = std::enable_if_t<std::is_enum_v<Enum>>>
  void io(Enum& e) {
    e = static_cast<Enum>(number());
  }
  template <typename T>
  void io(std::unique_ptr<T>& p) {
    p.reset();
    if (number() == 0) return;
    p = std::make_unique<T>();
    visit(*this, *p);
  }
  template <typename T>
  void io(std::vector<T>& items) {
    const std::uint64_t size = number();
    if (size > bytes_.size()) throw Malformed();  // each element takes at least one byte
    items.clear();
    items.resize(size);
    for (T& item : items) element(*this, item);
  }

 private:
  std::string_view bytes_;
  std::size_t at_ = 0;
  FileId first_;
};

// Every field the parser sets, in declaration order; the checker's slots (bindings,
// built-in functions, types, set indexes) are filled after loading, as after parsing.
template <typename A>
void visit(A& a, ast::TypeExpr& t) {
  a.io(t.kind), a.io(t.name), a.io(t.element), a.io(t.enum_values), a.io(t.enum_ranges);
  a.io(t.optional), a.io(t.range);
}
template <typename A>
void visit(A& a, ast::Expr& e) {
  a.io(e.kind), a.io(e.range), a.io(e.text), a.io(e.text_range), a.io(e.integer);
  a.io(e.integer_overflow), a.io(e.boolean), a.io(e.operands), a.io(e.key_name);
  a.io(e.key_range), a.io(e.field_names), a.io(e.field_ranges);
}
template <typename A>
void visit(A& a, ast::Field& f) {
  a.io(f.name), a.io(f.name_range), visit(a, f.type), a.io(f.default_value);
  a.io(f.unique_key), a.io(f.unique_range), a.io(f.host_rules), a.io(f.hosts_range);
}
template <typename A>
void visit(A& a, ast::HostRule& r) {
  a.io(r.host_class), a.io(r.class_range), a.io(r.action), a.io(r.action_range);
}
template <typename A>
void visit(A& a, ast::RemovedKey& r) {
  a.io(r.name), a.io(r.range), a.io(r.message);
}
template <typename A>
void visit(A& a, ast::Together& t) {
  a.io(t.names), a.io(t.ranges), a.io(t.range);
}
template <typename A>
void visit(A& a, ast::RenamedKey& r) {
  a.io(r.name), a.io(r.range), a.io(r.target), a.io(r.target_range);
}
template <typename A>
void visit(A& a, ast::RecordBody& b) {
  a.io(b.fields), a.io(b.removed), a.io(b.together), a.io(b.renamed);
}
template <typename A>
void visit(A& a, ast::Import& i) {
  a.io(i.path), a.io(i.range);
}
template <typename A>
void visit(A& a, ast::Const& c) {
  a.io(c.name), a.io(c.name_range), a.io(c.reads_bottle), a.io(c.type), a.io(c.value);
}
template <typename A>
void visit(A& a, ast::Record& r) {
  a.io(r.name), a.io(r.name_range), visit(a, r.body);
}
template <typename A>
void visit(A& a, ast::Set& s) {
  a.io(s.name), a.io(s.name_range), visit(a, s.element);
}
template <typename A>
void visit(A& a, ast::AddStatement& s) {
  a.io(s.target), a.io(s.target_range), a.io(s.value);
}
template <typename A>
void visit(A& a, ast::Rule& r) {
  a.io(r.name), a.io(r.name_range), a.io(r.condition), a.io(r.adds);
}
template <typename A>
void visit(A& a, ast::OutputItem& o) {
  a.io(o.key), a.io(o.key_range), a.io(o.condition), a.io(o.value), a.io(o.children);
  a.io(o.is_block);
}
template <typename A>
void visit(A& a, ast::Output& o) {
  a.io(o.name), a.io(o.name_range), a.io(o.items);
}
template <typename A>
void visit(A& a, ast::PolicyFile& f) {
  a.io(f.imports), a.io(f.consts), a.io(f.records), a.io(f.manifests), a.io(f.params);
  a.io(f.sets), a.io(f.rules), a.io(f.outputs);
}

}  // namespace

std::string write_ast_snapshot(const std::vector<ast::PolicyFile>& files,
                               const SourceManager& sources) {
  const FileId first = files.empty() ? 0 : files.front().file;
  Writer writer(first);
  writer.bytes = std::string(kMagic);
  writer.number(sources.size() - first);
  for (FileId id = first; id < sources.size(); ++id) {
    std::string name = sources.file(id).name();
    writer.io(name);
    writer.number(text_hash(sources.file(id).text()));
  }
  writer.number(files.size());
  for (const ast::PolicyFile& file : files) {
    ast::PolicyFile& mutable_file = const_cast<ast::PolicyFile&>(file);  // only read
    std::size_t relative = file.file - first;
    writer.io(relative);
    visit(writer, mutable_file);
  }
  return std::move(writer.bytes);
}

std::optional<std::vector<ast::PolicyFile>> read_ast_snapshot(std::string_view snapshot,
                                                              SourceManager& sources) {
  if (snapshot.substr(0, kMagic.size()) != kMagic) return std::nullopt;
  const FileId first = static_cast<FileId>(sources.size());
  Reader reader(snapshot.substr(kMagic.size()), first);
  try {
    std::vector<std::pair<std::string_view, std::string_view>> texts;  // name, text
    const std::uint64_t file_count = reader.number();
    for (std::uint64_t i = 0; i < file_count; ++i) {
      const std::string_view name = reader.text();
      const std::uint64_t hash = reader.number();
      const EmbeddedPolicy* found = nullptr;
      for (const EmbeddedPolicy& policy : embedded_policies()) {
        if (policy.name == name) found = &policy;
      }
      if (!found || text_hash(found->text) != hash) return std::nullopt;  // made from other texts
      texts.emplace_back(name, found->text);
    }
    std::vector<ast::PolicyFile> files(reader.number());
    if (files.size() > file_count) return std::nullopt;
    for (ast::PolicyFile& file : files) {
      std::size_t relative = 0;
      reader.io(relative);
      if (relative >= file_count) return std::nullopt;
      file.file = static_cast<FileId>(first + relative);
      visit(reader, file);
    }
    if (!reader.at_end()) return std::nullopt;
    for (const auto& [name, text] : texts) sources.add(std::string(name), std::string(text));
    return files;
  } catch (const Malformed&) {
    return std::nullopt;
  }
}

}  // namespace policyc
