#include "lsp/json_rpc.hpp"

namespace policyc::lsp {

namespace {

// The deepest nesting of arrays and objects outside strings.
std::size_t nesting(const std::string& text) {
  std::size_t depth = 0, deepest = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      deepest = std::max(deepest, ++depth);
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return deepest;
}

bool valid_id(const Json& id) { return id.is_string() || id.is_number_integer() || id.is_null(); }

}  // namespace

std::optional<Incoming> parse_incoming(const std::string& body, Json& error) {
  if (nesting(body) > kMaxJsonDepth) {
    error = reply_error(nullptr, ErrorCode::ParseError, "the message nests deeper than 128 levels");
    return std::nullopt;
  }
  Json message = Json::parse(body, nullptr, false);
  if (message.is_discarded()) {
    error = reply_error(nullptr, ErrorCode::ParseError, "the message is not valid JSON");
    return std::nullopt;
  }
  Json id = nullptr;
  if (message.is_object() && message.contains("id") && valid_id(message["id"])) id = message["id"];
  if (!message.is_object() || message.value("jsonrpc", Json()) != "2.0") {
    error = reply_error(id, ErrorCode::InvalidRequest, "not a JSON-RPC 2.0 message");
    return std::nullopt;
  }
  if (!message.contains("method") || !message["method"].is_string() ||
      (message.contains("id") && !valid_id(message["id"]))) {
    error = reply_error(id, ErrorCode::InvalidRequest,
                        "a request needs a string 'method' and a string or integer 'id'");
    return std::nullopt;
  }
  Incoming incoming;
  incoming.method = message["method"].get<std::string>();
  if (message.contains("params")) incoming.params = std::move(message["params"]);
  if (message.contains("id")) incoming.id = message["id"];
  return incoming;
}

Json reply(const Json& id, Json result) {
  return {{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}};
}

Json reply_error(const Json& id, ErrorCode code, const std::string& message) {
  return {{"jsonrpc", "2.0"},
          {"id", id},
          {"error", {{"code", static_cast<int>(code)}, {"message", message}}}};
}

Json notification(const std::string& method, Json params) {
  return {{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}};
}

}  // namespace policyc::lsp
