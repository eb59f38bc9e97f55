#include "runtime/yaml_read_back.hpp"

#include <yaml-cpp/eventhandler.h>  // yaml.h does not include it in 0.7
#include <yaml-cpp/yaml.h>

#include <map>
#include <sstream>

namespace policyc {

namespace {

class ReadBackBuilder final : public YAML::EventHandler {
 public:
  std::vector<ReadBackNode> documents;

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {
    documents.push_back(std::move(root_));
    root_ = ReadBackNode();
  }
  void OnNull(const YAML::Mark&, YAML::anchor_t anchor) override { add(ReadBackNode(), anchor); }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    auto found = anchors_.find(anchor);
    if (found == anchors_.end()) throw YAML::ParserException(mark, "unknown anchor");
    add(found->second, YAML::NullAnchor);
  }
  void OnScalar(const YAML::Mark&, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    ReadBackNode node;
    node.kind = ReadBackNode::Kind::Scalar;
    node.tag = tag;
    node.scalar = value;
    add(std::move(node), anchor);
  }
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    open(ReadBackNode::Kind::Sequence, anchor);
  }
  void OnSequenceEnd() override { close(); }
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    open(ReadBackNode::Kind::Mapping, anchor);
  }
  void OnMapEnd() override { close(); }

 private:
  void open(ReadBackNode::Kind kind, YAML::anchor_t anchor) {
    ReadBackNode node;
    node.kind = kind;
    open_.push_back({std::move(node), anchor});
  }

  void close() {
    auto [node, anchor] = std::move(open_.back());
    open_.pop_back();
    add(std::move(node), anchor);
  }

  void add(ReadBackNode node, YAML::anchor_t anchor) {
    if (anchor != YAML::NullAnchor) anchors_[anchor] = node;
    if (open_.empty()) {
      root_ = std::move(node);
    } else {
      open_.back().first.children.push_back(std::move(node));
    }
  }

  ReadBackNode root_;
  std::vector<std::pair<ReadBackNode, YAML::anchor_t>> open_;
  std::map<YAML::anchor_t, ReadBackNode> anchors_;
};

}  // namespace

std::vector<ReadBackNode> read_back_documents(const std::string& yaml) {
  std::istringstream in(yaml);
  YAML::Parser parser(in);
  ReadBackBuilder builder;
  while (parser.HandleNextDocument(builder)) {
  }
  return std::move(builder.documents);
}

}  // namespace policyc
