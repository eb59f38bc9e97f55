// JSON-RPC 2.0 as LSP uses it: what a message is, and the replies to one.
#pragma once
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace policyc::lsp {

using Json = nlohmann::json;

/// JSON-RPC's and LSP's error codes.
enum class ErrorCode : int {
  ParseError = -32700,
  InvalidRequest = -32600,
  MethodNotFound = -32601,
  InvalidParams = -32602,
  ServerNotInitialized = -32002,
  RequestFailed = -32803,
};

/// Arrays and objects nested deeper than this are refused before parsing: freeing a
/// deeper document recurses once per level.
constexpr std::size_t kMaxJsonDepth = 128;

/// A message from the client: a request (with an id), or a notification.
struct Incoming {
  std::string method;
  Json params;
  std::optional<Json> id;
};

/// Parses a message body. On failure returns nothing and sets `error` to the reply to
/// send (ParseError or InvalidRequest, with the id when one could be read).
std::optional<Incoming> parse_incoming(const std::string& body, Json& error);

Json reply(const Json& id, Json result);
Json reply_error(const Json& id, ErrorCode code, const std::string& message);
Json notification(const std::string& method, Json params);

}  // namespace policyc::lsp
