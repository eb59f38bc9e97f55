// `policyc lsp`: a language server for policies and bottle manifests over stdio.
#pragma once
#include <istream>
#include <ostream>
#include <string>

#include "lsp/documents.hpp"
#include "lsp/json_rpc.hpp"
#include "lsp/navigation.hpp"
#include "lsp/positions.hpp"

namespace policyc::lsp {

class Server {
 public:
  Server(std::istream& in, std::ostream& out) : in_(in), out_(out) {}
  /// Serves until `exit` or the end of input. Returns the process exit code: 0 after
  /// `shutdown` then `exit`, 1 otherwise (as the protocol asks).
  int run();

 private:
  void handle(const Incoming& message);
  void answer(const Incoming& request, Json result);
  Json initialize(const Json& params);
  void publish_diagnostics();
  Json formatting(const Json& params);
  /// The open document a request names, or InvalidParams; policy_document also refuses
  /// one that is not a policy.
  const Document& open_document(const Json& params) const;
  const Document& policy_document(const Json& params) const;
  /// The open bottle a request names, or nothing.
  const Document* open_bottle(const Json& params) const;
  Json bottle_request(const std::string& method, const Document& bottle, const Json& params) const;
  /// The position of a TextDocumentPositionParams in the policy it names (or in `document`).
  TextPosition text_position(const Json& params) const;
  TextPosition position_in(const Document& document, const Json& params) const;
  void send(const Json& message);

  std::istream& in_;
  std::ostream& out_;
  Documents documents_;
  PositionEncoding encoding_ = PositionEncoding::Utf16;
  std::string error_docs_;  // docs/errors.md's URI, which codes link to (or empty)
  bool initialized_ = false;
  bool shut_down_ = false;
  bool exited_ = false;
};

}  // namespace policyc::lsp
