// `policyc lsp`: a language server for policies over stdio.
#pragma once
#include <istream>
#include <ostream>

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
  /// The open policy a request names, or InvalidParams.
  const Document& policy_document(const Json& params) const;
  TextPosition text_position(const Json& params) const;
  void send(const Json& message);

  std::istream& in_;
  std::ostream& out_;
  Documents documents_;
  PositionEncoding encoding_ = PositionEncoding::Utf16;
  bool initialized_ = false;
  bool shut_down_ = false;
  bool exited_ = false;
};

}  // namespace policyc::lsp
