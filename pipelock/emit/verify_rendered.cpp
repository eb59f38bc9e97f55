// The emitter's self-check: the rendered config is parsed back with yaml-cpp and compared
// with the document event by event, as the parser delivers them. Nothing is built from
// the events: on a large allowlist a read-back tree cost as much memory as the document
// and a fifth of the check's time.
#include <fmt/format.h>
#include <yaml-cpp/eventhandler.h>  // yaml.h does not include it in 0.7
#include <yaml-cpp/yaml.h>

#include <vector>

#include "pipelock/emit/verify_rendered.hpp"
#include "pipelock/emit/emit_scalars.hpp"
#include "pipelock/schema/output_schema.hpp"
#include "base/text_istream.hpp"

namespace policyc {

namespace {

using Kind = Value::Kind;

// One node as the parser reports it: a scalar (with its tag: "?" plain, "!" quoted),
// null, or the start of a collection.
struct ParsedNode {
  enum class Kind { Null, Scalar, SequenceStart, MappingStart };
  Kind kind = Kind::Null;
  const std::string* tag = nullptr;
  const std::string* scalar = nullptr;
};

std::string describe(const ParsedNode& y) {
  switch (y.kind) {
    case ParsedNode::Kind::MappingStart:
      return "a mapping";
    case ParsedNode::Kind::SequenceStart:
      return "a sequence";
    case ParsedNode::Kind::Null:
      return "null";
    case ParsedNode::Kind::Scalar:
      break;
  }
  return *y.tag == "!" ? quoted(*y.scalar) : printable(*y.scalar);
}

// Quoted strings must come back quoted (tag "!") and everything else plain (tag "?"),
// so a string can never pass for a bool or an int, nor the other way round.
bool same_scalar(const Value& v, bool bare, const ParsedNode& y) {
  const bool scalar = y.kind == ParsedNode::Kind::Scalar;
  switch (v.kind) {
    case Kind::Null:
      return y.kind == ParsedNode::Kind::Null;
    case Kind::Bool:
    case Kind::Int:  // "true", "false" or digits: YAML reads them as that very value
      return scalar && *y.tag == "?" && *y.scalar == scalar_text(v, false);
    case Kind::String:
      return scalar && *y.scalar == v.string && (bare || *y.tag == "!");
    default:
      return false;
  }
}

std::string compare_scalar(const std::string& path, const Value& v, bool bare,
                           const ParsedNode& y) {
  if (v.kind == Kind::List || v.kind == Kind::Record) {
    return fmt::format("key '{}': {} cannot be written as pipelock YAML", path, kind_name(v));
  }
  if (same_scalar(v, bare, y)) return "";
  return fmt::format("key '{}': expected {}, got {}", path, scalar_text(v, false), describe(y));
}

// Walks the document alongside the events. The first difference is kept and the rest of
// the text is still parsed, so a syntax error or a second document anywhere is reported
// first, as a whole-document parse would.
class Comparator final : public YAML::EventHandler {
 public:
  explicit Comparator(const OutputDocument& document) : document_(document) {}

  std::size_t documents() const { return documents_; }
  const std::string& difference() const { return difference_; }

  void OnDocumentStart(const YAML::Mark&) override { ++documents_; }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t anchor) override {
    node({ParsedNode::Kind::Null, nullptr, nullptr}, anchor);
  }
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override {
    differ("the config holds a YAML alias; the renderer never writes one");
  }
  void OnScalar(const YAML::Mark&, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    node({ParsedNode::Kind::Scalar, &tag, &value}, anchor);
  }
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    node({ParsedNode::Kind::SequenceStart, nullptr, nullptr}, anchor);
  }
  void OnSequenceEnd() override { end(); }
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    node({ParsedNode::Kind::MappingStart, nullptr, nullptr}, anchor);
  }
  void OnMapEnd() override { end(); }

 private:
  // What an open collection is expected to hold.
  struct Frame {
    enum class Kind { Mapping, Sequence, Record, Skipped };
    Kind kind = Kind::Mapping;
    const std::vector<OutputNode>* nodes = nullptr;  // Mapping
    const std::vector<Value>* items = nullptr;       // Sequence
    const Value* record = nullptr;                   // Record: a record's or map's value
    std::string path;             // Mapping, Record: its key path ("" at the top); Sequence: the list's
    bool section = false;         // Mapping: a section, whose empty lists are left out
    std::size_t next = 0;         // Mapping: the next node; Sequence: items seen; Record: field
    bool value_next = false;      // Mapping, Record: a key was read, its value comes next
    std::string item_difference;  // Sequence: the first item that differs
  };

  void differ(std::string message) {
    if (difference_.empty() && !message.empty()) difference_ = std::move(message);
  }
  bool comparing() const { return difference_.empty() && documents_ == 1; }

  void open(Frame frame) { frames_.push_back(std::move(frame)); }
  void skip_collection() {
    Frame skipped;
    skipped.kind = Frame::Kind::Skipped;
    open(std::move(skipped));
  }

  void node(const ParsedNode& y, YAML::anchor_t anchor) {
    if (!comparing()) return;
    if (anchor != YAML::NullAnchor) {
      differ("the config holds a YAML anchor; the renderer never writes one");
      return;
    }
    if (frames_.empty()) return expect_mapping(document_, "", false, y);
    Frame& top = frames_.back();
    switch (top.kind) {
      case Frame::Kind::Skipped:
        if (y.kind != ParsedNode::Kind::Scalar && y.kind != ParsedNode::Kind::Null) {
          skip_collection();
        }
        return;
      case Frame::Kind::Sequence:
        return item(top, y);
      case Frame::Kind::Mapping:
        return top.value_next ? value(top, y) : key(top, y);
      case Frame::Kind::Record:
        return top.value_next ? field_value(top, y) : field_key(top, y);
    }
  }

  void end() {
    if (!comparing() || frames_.empty()) return;
    Frame& top = frames_.back();
    if (top.kind == Frame::Kind::Mapping) {
      skip_omitted(top);
      if (top.next < top.nodes->size()) {
        differ(fmt::format("missing key '{}'", join_path(top.path, (*top.nodes)[top.next].key)));
      }
    } else if (top.kind == Frame::Kind::Record) {
      skip_null_fields(top);
      if (top.next < top.record->fields.size()) {
        differ(fmt::format("missing key '{}'",
                           join_path(top.path, top.record->fields[top.next].first)));
      }
    } else if (top.kind == Frame::Kind::Sequence) {
      if (top.next != top.items->size()) {
        differ(fmt::format("key '{}': expected {} items, got {}", top.path, top.items->size(),
                           top.next));
      }
      differ(std::move(top.item_difference));
    }
    frames_.pop_back();
  }

  void expect_mapping(const std::vector<OutputNode>& nodes, const std::string& path, bool section,
                      const ParsedNode& y) {
    if (y.kind != ParsedNode::Kind::MappingStart) {
      const std::string where = path.empty() ? "the top level" : "key '" + path + "'";
      return differ(fmt::format("{}: expected a mapping, got {}", where, describe(y)));
    }
    Frame frame;
    frame.nodes = &nodes;
    frame.path = path;
    frame.section = section;
    open(std::move(frame));
  }

  void skip_omitted(Frame& map) const {
    while (map.section && map.next < map.nodes->size() &&
           omitted_in_section((*map.nodes)[map.next])) {
      ++map.next;
    }
  }

  void key(Frame& map, const ParsedNode& y) {
    skip_omitted(map);
    if (map.next == map.nodes->size()) {
      const std::string where = map.path.empty() ? "the top level" : "key '" + map.path + "'";
      return differ(fmt::format("{}: unexpected key '{}'", where, describe(y)));
    }
    const std::string expected = join_path(map.path, (*map.nodes)[map.next].key);
    const std::string got =
        join_path(map.path, y.kind == ParsedNode::Kind::Scalar ? *y.scalar : "?");
    if (got != expected) return differ(fmt::format("expected key '{}', got '{}'", expected, got));
    map.value_next = true;
  }

  void value(Frame& map, const ParsedNode& y) {
    const OutputNode& n = (*map.nodes)[map.next++];
    map.value_next = false;
    const std::string path = join_path(map.path, n.key);
    if (n.is_section) return expect_mapping(n.children, path, true, y);
    const Value& v = n.value();
    if (v.kind != Kind::List && v.kind != Kind::Record) {
      return differ(compare_scalar(path, v, n.field && n.field->bare, y));
    }
    nested_value(path, v, y);
  }

  // A value that is a list or a record (or map), opened as the frame that compares it; a
  // scalar compared at once.
  void nested_value(const std::string& path, const Value& v, const ParsedNode& y) {
    if (v.kind == Kind::Record) {
      if (y.kind != ParsedNode::Kind::MappingStart) {
        return differ(fmt::format("key '{}': expected a mapping, got {}", path, describe(y)));
      }
      Frame frame;
      frame.kind = Frame::Kind::Record;
      frame.record = &v;
      frame.path = path;
      return open(std::move(frame));
    }
    if (v.kind != Kind::List) return differ(compare_scalar(path, v, false, y));
    if (y.kind != ParsedNode::Kind::SequenceStart) {
      return differ(fmt::format("key '{}': expected a list, got {}", path, describe(y)));
    }
    Frame frame;
    frame.kind = Frame::Kind::Sequence;
    frame.items = &v.items;
    frame.path = path;
    open(std::move(frame));
  }

  static void skip_null_fields(Frame& record) {
    while (record.next < record.record->fields.size() &&
           record.record->fields[record.next].second.is_null()) {
      ++record.next;
    }
  }

  void field_key(Frame& record, const ParsedNode& y) {
    skip_null_fields(record);
    if (record.next == record.record->fields.size()) {
      return differ(fmt::format("key '{}': unexpected key '{}'", record.path, describe(y)));
    }
    const std::string expected = join_path(record.path, record.record->fields[record.next].first);
    const std::string got =
        join_path(record.path, y.kind == ParsedNode::Kind::Scalar ? *y.scalar : "?");
    if (got != expected) return differ(fmt::format("expected key '{}', got '{}'", expected, got));
    record.value_next = true;
  }

  void field_value(Frame& record, const ParsedNode& y) {
    const auto& [key, v] = record.record->fields[record.next++];
    record.value_next = false;
    nested_value(join_path(record.path, key), v, y);
  }

  // An item's difference waits for the end of the list: a wrong item count explains
  // shifted items better than the first of them does.
  void item(Frame& list, const ParsedNode& y) {
    const std::size_t i = list.next++;
    if (i < list.items->size() && (*list.items)[i].kind == Kind::Record &&
        list.item_difference.empty()) {
      return nested_value(fmt::format("{}[{}]", list.path, i), (*list.items)[i], y);
    }
    const bool collection =
        y.kind == ParsedNode::Kind::SequenceStart || y.kind == ParsedNode::Kind::MappingStart;
    if (i < list.items->size() && list.item_difference.empty() &&
        !same_scalar((*list.items)[i], false, y)) {
      // The item's path is formatted only for a difference: on a large allowlist it would
      // be most of the cost of comparing.
      list.item_difference =
          compare_scalar(fmt::format("{}[{}]", list.path, i), (*list.items)[i], false, y);
    }
    if (collection) skip_collection();
  }

  const OutputDocument& document_;
  std::size_t documents_ = 0;
  std::vector<Frame> frames_;
  std::string difference_;
};

}  // namespace

std::string verify_rendered_yaml(const OutputDocument& document, const std::string& yaml) {
  try {
    TextIstream in(yaml);
    YAML::Parser parser(in);
    Comparator comparator(document);
    while (parser.HandleNextDocument(comparator)) {
    }
    // pipelock refuses a second document, so one smuggled in is a difference too.
    if (comparator.documents() != 1) {
      return fmt::format("expected one YAML document, got {}", comparator.documents());
    }
    return comparator.difference();
  } catch (const std::exception& e) {
    return e.what();
  }
}

}  // namespace policyc
