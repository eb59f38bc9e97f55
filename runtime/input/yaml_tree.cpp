#include "runtime/input/yaml_tree.hpp"

#include <fmt/format.h>
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>  // yaml.h does not include it in 0.7
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <deque>
#include <optional>
#include <string_view>
#include <unordered_map>

#include "base/text_istream.hpp"
#include "base/utf8.hpp"
#include "base/value_prefix.hpp"
#include "base/yaml_scalar_range.hpp"

namespace policyc {

namespace {

constexpr std::size_t kMaxManifestBytes = 16u << 20;
constexpr std::size_t kMaxDepth = 256;
constexpr std::uint64_t kMaxAliasNodes = 100000;
// Nodes alone do not bound an alias bomb of long strings, so copied text is bounded too.
constexpr std::uint64_t kMaxAliasBytes = 16u << 20;
constexpr const char* kStrTag = "tag:yaml.org,2002:str";

// Thrown by the handler to abandon the parse once an error makes the rest meaningless.
struct StopParse {};

// Built first, before the YamlNode tree: an alias refers to its anchored node by index
// instead of copying it, so an alias bomb costs nothing until the limits have been checked,
// and nodes never move once built.
struct TmpNode {
  YamlNode::Kind kind = YamlNode::Kind::Null;
  SourceRange range;
  std::string scalar;
  bool quoted = false;
  std::vector<std::uint32_t> children;  // Sequence: items; Mapping: key, value, key, value...
  std::uint64_t size = 1;               // nodes this subtree becomes
  std::uint64_t bytes = 0;              // scalar text in this subtree
  std::size_t height = 0;               // nested collections, itself included
  std::uint32_t uses = 0;               // places in the tree: more than one through aliases
};

class TreeBuilder final : public YAML::EventHandler {
 public:
  TreeBuilder(std::string_view text, FileId file, std::uint32_t base)
      : text_(text), file_(file), base_(base), last_end_(base) {}

  // Held back until the parse is over: after a syntax error, yaml-cpp's events before it
  // can be nonsense (an unclosed '[' turns into a mapping key), so they are dropped.
  const DiagnosticSink& diagnostics() const { return diags_; }

  /// Where the innermost '[' (or '{') still open starts: what yaml-cpp's "end of ... flow
  /// not found" is about, though it reports where it gave up, often lines later.
  std::optional<SourceRange> open_flow_bracket(YamlNode::Kind kind) const {
    for (auto frame = stack_.rbegin(); frame != stack_.rend(); ++frame) {
      if (frame->flow && arena_[frame->node].kind == kind) return arena_[frame->node].range;
    }
    return std::nullopt;
  }

  YamlNode result(std::uint32_t empty_at) {
    if (!root_) {
      YamlNode null;
      null.range = {file_, empty_at, empty_at};
      return null;
    }
    return convert(*root_);
  }

  void OnDocumentStart(const YAML::Mark& mark) override {
    const std::uint32_t at = offset(mark);
    if (++documents_ == 1) {
      // An empty root node belongs after the "---", not inside it.
      if (text_.substr(at, 3) == "---") last_end_ = at + 3;
      return;
    }
    const std::uint32_t end = text_.substr(at, 3) == "---" ? at + 3 : at + 1;
    fail("E0303", {file_, at, std::min<std::uint32_t>(end, size())},
         "a manifest holds one YAML document; remove the second document");
  }
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    const std::uint32_t raw = offset(mark);
    const std::uint32_t at = skip_node_properties(text_, raw, nullptr, nullptr);
    const std::uint32_t end = scalar_extent(text_, at, in_flow()).end;
    TmpNode node;
    if (at < size() && is_null_literal(text_, at, end)) {
      node.range = {file_, at, end};
    } else {
      const std::uint32_t empty = empty_node_offset(text_, last_end_, std::max(raw, last_end_));
      node.range = {file_, empty, empty};
      check_missing_colon(raw);
    }
    const std::uint32_t node_end = node.range.end;
    deliver(std::move(node), anchor, node_end, raw);
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    const std::uint32_t raw = offset(mark);
    const std::uint32_t at = check_tag(raw, tag, tag == kStrTag);
    const ScalarExtent extent = scalar_extent(text_, at, in_flow());
    if (!extent.terminated) {
      // yaml-cpp accepts a quoted scalar that runs to the end of the input.
      fail("E0301", {file_, at, at + 1}, "invalid YAML: quoted scalar is not terminated");
    }
    TmpNode node;
    node.range = {file_, at, extent.end};
    // "!" is yaml-cpp's tag for every non-plain scalar: quoted, block (| >) or `! x`;
    // YAML resolves all of those to strings, never to bools, numbers or null.
    node.quoted = tag != "?" && !tag.empty();
    if (!node.quoted && (value.empty() || is_null_literal(value, 0, value.size()))) {
      node.kind = YamlNode::Kind::Null;
    } else {
      node.kind = YamlNode::Kind::Scalar;
      node.scalar = value;
      node.bytes = value.size();
    }
    deliver(std::move(node), anchor, extent.end, raw);
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    const std::uint32_t at = offset(mark);
    const std::uint32_t end = alias_end(text_, at);
    const SourceRange range{file_, at, end};
    auto found = anchors_.find(anchor);
    if (found == anchors_.end()) {
      fail("E0303", range, "a YAML alias cannot refer to the node that contains it");
    }
    const TmpNode& target = arena_[found->second];
    if (stack_.size() + target.height > kMaxDepth) {
      fail("E0301", range, "YAML nesting is deeper than 256 levels (limit)");
    }
    alias_nodes_ += target.size;
    alias_bytes_ += target.bytes;
    if (alias_nodes_ > kMaxAliasNodes) {
      fail("E0303", range,
           "YAML aliases expand to more than 100000 nodes (limit); remove the aliases");
    }
    if (alias_bytes_ > kMaxAliasBytes) {
      fail("E0303", range,
           "YAML aliases expand to more than 16 MiB of text (limit); remove the aliases");
    }
    attach(found->second, end, at);
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value style) override {
    open(mark, tag, anchor, style, YamlNode::Kind::Sequence);
  }
  void OnSequenceEnd() override { close(); }
  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value style) override {
    open(mark, tag, anchor, style, YamlNode::Kind::Mapping);
  }
  void OnMapEnd() override { close(); }

 private:
  struct Frame {
    std::uint32_t node = 0;
    YAML::anchor_t anchor = YAML::NullAnchor;
    std::uint32_t raw_start = 0;
    bool flow = false;
    bool has_key = false;
    bool key_ok = false;
    std::uint32_t key = 0;
    std::uint32_t key_raw = 0;  // where yaml-cpp says the pending key starts
    std::unordered_map<std::string, SourceRange> seen;  // Mapping: first range of each key
  };

  std::uint32_t size() const { return static_cast<std::uint32_t>(text_.size()); }
  bool in_flow() const { return !stack_.empty() && stack_.back().flow; }

  std::uint32_t offset(const YAML::Mark& mark) const {
    if (mark.is_null() || mark.pos < 0) return base_;
    return std::min<std::uint32_t>(base_ + static_cast<std::uint32_t>(mark.pos), size());
  }

  [[noreturn]] void fail(const char* code, SourceRange range, std::string message) {
    diags_.error(code, range, std::move(message));
    throw StopParse{};
  }

  // Returns where the node's content starts; reports tags other than !!str.
  std::uint32_t check_tag(std::uint32_t raw, const std::string& tag, bool allowed) {
    std::uint32_t tag_at = raw, tag_end = raw + 1;
    const std::uint32_t at = skip_node_properties(text_, raw, &tag_at, &tag_end);
    if (tag != "?" && tag != "!" && !tag.empty() && !allowed) {
      const std::uint32_t end = std::min(tag_end, size());
      diags_.error("E0303", {file_, tag_at, end},
                   fmt::format("YAML tag '{}' is not supported here; remove it (only a scalar "
                               "may be tagged, and only !!str)",
                               value_prefix(std::string_view(text_).substr(tag_at, end - tag_at))));
    }
    return at;
  }

  // yaml-cpp reads a block-mapping line without ':' as a key with a null value.
  void check_missing_colon(std::uint32_t raw) {
    if (stack_.empty() || stack_.back().flow || !stack_.back().has_key) return;
    const Frame& frame = stack_.back();
    if (frame.key_raw != raw || arena_[frame.key].kind != YamlNode::Kind::Scalar) return;
    diags_.error(
        "E0301", arena_[frame.key].range,
        "invalid YAML: expected ':' after the mapping key '" + arena_[frame.key].scalar + "'");
  }

  void open(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
            YAML::EmitterStyle::value style, YamlNode::Kind kind) {
    const std::uint32_t raw = offset(mark);
    const std::uint32_t at = check_tag(raw, tag, false);
    const SourceRange range{file_, at, std::min(at + 1, size())};
    if (stack_.size() >= kMaxDepth) {
      fail("E0301", range, "YAML nesting is deeper than 256 levels (limit)");
    }
    TmpNode node;
    node.kind = kind;
    node.range = range;
    arena_.push_back(std::move(node));
    Frame frame;
    frame.node = static_cast<std::uint32_t>(arena_.size() - 1);
    frame.anchor = anchor;
    frame.raw_start = raw;
    frame.flow = style == YAML::EmitterStyle::Flow;
    stack_.push_back(std::move(frame));
    last_end_ = std::max(last_end_, range.end);
  }

  void close() {
    Frame frame = std::move(stack_.back());
    stack_.pop_back();
    TmpNode& node = arena_[frame.node];
    for (std::uint32_t child : node.children) {
      node.size += arena_[child].size;
      node.bytes += arena_[child].bytes;
      node.height = std::max(node.height, arena_[child].height);
    }
    node.height += 1;
    const std::uint32_t end = frame.flow ? flow_collection_end(text_, last_end_) : last_end_;
    node.range.end = std::max(node.range.end, end);
    const std::uint32_t range_end = node.range.end;
    if (frame.anchor != YAML::NullAnchor) anchors_[frame.anchor] = frame.node;
    attach(frame.node, range_end, frame.raw_start);
  }

  void deliver(TmpNode node, YAML::anchor_t anchor, std::uint32_t end, std::uint32_t raw) {
    arena_.push_back(std::move(node));
    const auto id = static_cast<std::uint32_t>(arena_.size() - 1);
    if (anchor != YAML::NullAnchor) anchors_[anchor] = id;
    attach(id, end, raw);
  }

  // Places a finished node (or an alias's target) in its parent.
  void attach(std::uint32_t id, std::uint32_t end, std::uint32_t raw) {
    ++arena_[id].uses;
    last_end_ = std::max(last_end_, end);
    if (stack_.empty()) {
      root_ = id;
      return;
    }
    Frame& frame = stack_.back();
    TmpNode& parent = arena_[frame.node];
    const TmpNode& node = arena_[id];
    if (parent.kind == YamlNode::Kind::Sequence) {
      parent.children.push_back(id);
    } else if (!frame.has_key) {
      frame.has_key = true;
      frame.key = id;
      frame.key_raw = raw;
      frame.key_ok = node.kind == YamlNode::Kind::Scalar;
      if (!frame.key_ok) {
        diags_.error("E0303", node.range, "mapping keys must be plain strings");
      } else if (!node.quoted && node.scalar == "<<") {
        frame.key_ok = false;
        diags_.error("E0303", node.range,
                     "YAML merge keys ('<<') are not supported; write the keys out");
      }
    } else {
      frame.has_key = false;
      if (!frame.key_ok) return;
      const TmpNode& key = arena_[frame.key];
      auto [first, inserted] = frame.seen.emplace(key.scalar, key.range);
      if (!inserted) {
        Diagnostic& d = diags_.error("E0302", key.range, "duplicate key '" + key.scalar + "'");
        d.notes.push_back({first->second, "first defined here"});
        return;
      }
      parent.children.push_back(frame.key);
      parent.children.push_back(id);
    }
  }

  // Text is moved out of a node placed once; a node inside an alias target (shared) is
  // copied for each place.
  static std::string take_scalar(TmpNode& tmp, bool shared) {
    return shared ? tmp.scalar : std::move(tmp.scalar);
  }

  YamlNode convert(std::uint32_t id, bool shared = false) {
    TmpNode& tmp = arena_[id];
    shared = shared || tmp.uses > 1;
    YamlNode node;
    node.kind = tmp.kind;
    node.range = tmp.range;
    node.scalar = take_scalar(tmp, shared);
    node.quoted = tmp.quoted;
    if (tmp.kind == YamlNode::Kind::Sequence) {
      node.items.reserve(tmp.children.size());
      for (std::uint32_t child : tmp.children) node.items.push_back(convert(child, shared));
    } else if (tmp.kind == YamlNode::Kind::Mapping) {
      node.entries.reserve(tmp.children.size() / 2);
      for (std::size_t i = 0; i + 1 < tmp.children.size(); i += 2) {
        TmpNode& key = arena_[tmp.children[i]];
        node.entries.push_back(
            {take_scalar(key, shared), key.range, convert(tmp.children[i + 1], shared)});
      }
    }
    return node;
  }

  std::string_view text_;  // the file's text, cut off at the end of the YAML
  FileId file_;
  std::uint32_t base_;  // where the text fed to yaml-cpp starts in the file
  DiagnosticSink diags_;
  std::deque<TmpNode> arena_;
  std::vector<Frame> stack_;
  std::unordered_map<YAML::anchor_t, std::uint32_t> anchors_;
  std::optional<std::uint32_t> root_;
  std::uint32_t last_end_;  // end of the last token seen: where an empty node would be
  int documents_ = 0;
  std::uint64_t alias_nodes_ = 0;
  std::uint64_t alias_bytes_ = 0;
};

bool is_markdown(std::string name) {
  for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  auto ends_with = [&](std::string_view suffix) {
    return name.size() >= suffix.size() &&
           name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0;
  };
  return ends_with(".md") || ends_with(".markdown");
}

std::uint32_t next_line(const std::string& text, std::uint32_t at) {
  const std::size_t nl = text.find('\n', at);
  return static_cast<std::uint32_t>(nl == std::string::npos ? text.size() : nl + 1);
}

// A front matter fence: the line at `at` is `marker`, give or take trailing blanks and a CR.
bool is_fence(const std::string& text, std::uint32_t at, std::string_view marker) {
  if (text.compare(at, marker.size(), marker) != 0) return false;
  for (std::size_t i = at + marker.size(); i < text.size() && text[i] != '\n'; ++i) {
    if (text[i] != ' ' && text[i] != '\t' && text[i] != '\r') return false;
  }
  return true;
}

// Reports the first NUL or invalid UTF-8 byte in [begin, end).
bool check_encoding(const std::string& text, std::uint32_t begin, std::uint32_t end, FileId file,
                    DiagnosticSink& diags) {
  std::string_view region = std::string_view(text).substr(0, end);
  for (std::uint32_t i = begin; i < end;) {
    if (text[i] == '\0') {
      diags.error("E0301", {file, i, i + 1}, "manifest contains a NUL byte");
      return false;
    }
    const Utf8Char c = decode_utf8(region, i);
    if (!c.valid) {
      diags.error("E0301", {file, i, i + 1}, "manifest is not valid UTF-8");
      return false;
    }
    i += static_cast<std::uint32_t>(c.length);
  }
  return true;
}

void add_unclosed_bracket_note(Diagnostic& error, const std::string& yaml_cpp_message,
                               const TreeBuilder& builder) {
  const bool sequence = yaml_cpp_message == YAML::ErrorMsg::END_OF_SEQ_FLOW;
  if (!sequence && yaml_cpp_message != YAML::ErrorMsg::END_OF_MAP_FLOW) return;
  const YamlNode::Kind kind = sequence ? YamlNode::Kind::Sequence : YamlNode::Kind::Mapping;
  const std::optional<SourceRange> open = builder.open_flow_bracket(kind);
  if (!open) return;
  error.notes.push_back({*open, sequence ? "the '[' opened here is never closed; add ']' after "
                                           "its last item"
                                         : "the '{' opened here is never closed; add '}' after "
                                           "its last entry"});
}

// The first line break that is a CR alone: yaml-cpp reads such a file as one long line
// and reports only "illegal map value" somewhere in it.
std::optional<std::uint32_t> lone_carriage_return(const std::string& text, std::uint32_t begin,
                                                  std::uint32_t end) {
  for (std::size_t at = text.find('\r', begin); at < end; at = text.find('\r', at + 1)) {
    if (at + 1 >= end || text[at + 1] != '\n') return static_cast<std::uint32_t>(at);
  }
  return std::nullopt;
}

// A tab in the indentation of a line up to the one yaml-cpp gave up on: YAML indents with
// spaces only, and yaml-cpp says "illegal map value" or "end of map not found" instead.
std::optional<std::uint32_t> tab_indentation(const std::string& text, std::uint32_t begin,
                                             std::uint32_t error_at) {
  const std::size_t last_line_end = std::min<std::size_t>(text.find('\n', error_at), text.size());
  for (std::uint32_t line = begin; line < text.size() && line <= last_line_end;
       line = next_line(text, line)) {
    std::uint32_t at = line;
    while (at < text.size() && (text[at] == ' ' || text[at] == '\t')) ++at;
    if (at == text.size() || text[at] == '\n' || text[at] == '\r' || text[at] == '#') continue;
    const std::size_t tab = text.find('\t', line);
    if (tab < at) return static_cast<std::uint32_t>(tab);
  }
  return std::nullopt;
}

}  // namespace

std::unique_ptr<YamlNode> load_yaml_tree(const SourceManager& sources, FileId file,
                                         DiagnosticSink& diags) {
  const SourceFile& source = sources.file(file);
  const std::string& text = source.text();
  if (text.size() > kMaxManifestBytes) {
    diags.error("E0301", {file, 0, 0}, "manifest is larger than 16 MiB (limit)");
    return nullptr;
  }
  // yaml-cpp drops a BOM without counting it in its positions; dropping it here keeps them exact.
  std::uint32_t begin = text.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
  std::uint32_t end = static_cast<std::uint32_t>(text.size());
  if (is_markdown(source.name())) {
    if (!is_fence(text, begin, "---")) {
      const auto first_line_end = std::min(text.find_first_of("\r\n"), text.size());
      diags.error("E0301", {file, 0, static_cast<std::uint32_t>(first_line_end)},
                  "Markdown manifest has no YAML front matter; start the file with a line '---'");
      return nullptr;
    }
    std::uint32_t close = next_line(text, begin);
    while (close < end && !is_fence(text, close, "---") && !is_fence(text, close, "...")) {
      close = next_line(text, close);
    }
    if (close >= end) {
      diags.error("E0301", {file, begin, begin + 3},
                  "front matter starting here is not terminated; add a line '---' after the YAML");
      return nullptr;
    }
    begin = next_line(text, begin);
    end = close;
  }
  if (!check_encoding(text, begin, end, file, diags)) return nullptr;
  if (const auto cr = lone_carriage_return(text, begin, end)) {
    diags.error("E0301", {file, *cr, *cr + 1},
                "manifest breaks lines with a carriage return (CR) alone; save it with LF (or "
                "CRLF) line endings");
    return nullptr;
  }

  std::string_view yaml_text = std::string_view(text).substr(0, end);
  TreeBuilder builder(yaml_text, file, begin);
  auto clamp = [&](const YAML::Mark& mark) {
    if (mark.is_null() || mark.pos < 0) return begin;
    return std::min<std::uint32_t>(begin + static_cast<std::uint32_t>(mark.pos), end);
  };
  auto point = [&](std::uint32_t at) { return SourceRange{file, at, std::min(at + 1, end)}; };
  try {
    TextIstream in(yaml_text.substr(begin));
    YAML::Parser parser(in);
    while (parser.HandleNextDocument(builder)) {
    }
  } catch (const StopParse&) {
  } catch (const YAML::DeepRecursion& e) {
    // yaml-cpp's own guard (500 levels, message "bad file"); ours should fire first.
    diags.error("E0301", point(clamp(e.mark)), "YAML nesting is deeper than 256 levels (limit)");
    return nullptr;
  } catch (const YAML::Exception& e) {
    if (const auto tab = tab_indentation(text, begin, clamp(e.mark))) {
      diags.error("E0301", point(*tab),
                  "invalid YAML: this line is indented with a tab; YAML indents with spaces "
                  "only");
      return nullptr;
    }
    Diagnostic& error = diags.error("E0301", point(clamp(e.mark)), "invalid YAML: " + e.msg);
    add_unclosed_bracket_note(error, e.msg, builder);
    return nullptr;
  }
  for (const Diagnostic& pending : builder.diagnostics().all()) {
    diags.error(pending.code, pending.range, pending.message).notes = pending.notes;
  }
  if (builder.diagnostics().has_errors()) return nullptr;
  return std::make_unique<YamlNode>(builder.result(begin));
}

std::string node_kind_mismatch(const YamlNode& node, const std::string& what,
                               const std::string& expected) {
  const char* kind = "a value";
  switch (node.kind) {
    case YamlNode::Kind::Null:
      kind = "nothing";
      break;
    case YamlNode::Kind::Scalar:
      kind = "a scalar";
      break;
    case YamlNode::Kind::Sequence:
      kind = "a list";
      break;
    case YamlNode::Kind::Mapping:
      kind = "a mapping";
      break;
  }
  return fmt::format("{} must be {}, got {}", what, expected, kind);
}

}  // namespace policyc
