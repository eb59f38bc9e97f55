#include "lsp/server.hpp"

#include <fmt/format.h>

#include <filesystem>

#include "compiler/format/format.hpp"
#include "lsp/bottle_documents.hpp"
#include "lsp/bottle_features.hpp"
#include "lsp/code_actions.hpp"
#include "lsp/completion.hpp"
#include "lsp/hover.hpp"
#include "lsp/navigation.hpp"
#include "lsp/policy_diagnostics.hpp"
#include "lsp/transport.hpp"

namespace policyc::lsp {

namespace {

// A member of an object by path, or nothing when any step is missing or not an object.
const Json* at(const Json& root, std::initializer_list<const char*> path) {
  const Json* node = &root;
  for (const char* key : path) {
    if (!node->is_object()) return nullptr;
    auto it = node->find(key);
    if (it == node->end()) return nullptr;
    node = &*it;
  }
  return node;
}

std::optional<std::string> string_at(const Json& root, std::initializer_list<const char*> path) {
  const Json* node = at(root, path);
  if (!node || !node->is_string()) return std::nullopt;
  return node->get<std::string>();
}

long long version_of(const Json& params) {
  const Json* v = at(params, {"textDocument", "version"});
  return v && v->is_number_integer() ? v->get<long long>() : 0;
}

// The whole text of a full-sync change: the last change without a range.
std::optional<std::string> changed_text(const Json& params) {
  const Json* changes = at(params, {"contentChanges"});
  if (!changes || !changes->is_array() || changes->empty()) return std::nullopt;
  return string_at(changes->back(), {"text"});
}

struct InvalidParams {
  std::string message;
};

// The requests a bottle answers (lsp/bottle_features); the others are a policy's.
bool is_bottle_method(const std::string& method) {
  return method == "textDocument/hover" || method == "textDocument/completion" ||
         method == "textDocument/codeAction" || method == "textDocument/definition";
}

}  // namespace

int Server::run() {
  while (!exited_) {
    Framed framed = read_message(in_);
    if (framed.status == Framed::Status::End) break;
    if (framed.status == Framed::Status::Malformed) {
      send(reply_error(nullptr, ErrorCode::ParseError, framed.error));
      continue;
    }
    Json error;
    std::optional<Incoming> message = parse_incoming(framed.body, error);
    if (!message) {
      send(error);
      continue;
    }
    handle(*message);
  }
  return exited_ && shut_down_ ? 0 : 1;
}

void Server::handle(const Incoming& message) {
  const bool request = message.id.has_value();
  const std::string& method = message.method;
  if (method == "exit") {
    exited_ = true;
    return;
  }
  if (!initialized_ && method != "initialize") {
    if (request) send(reply_error(*message.id, ErrorCode::ServerNotInitialized,
                                  "the server is not initialized; send 'initialize' first"));
    return;
  }
  if (shut_down_ && request) {
    send(reply_error(*message.id, ErrorCode::InvalidRequest,
                     "the server is shut down; only 'exit' is accepted"));
    return;
  }
  try {
    if (method == "initialize") {
      if (!request) return;
      if (initialized_) {
        send(reply_error(*message.id, ErrorCode::InvalidRequest, "'initialize' was already sent"));
        return;
      }
      answer(message, initialize(message.params));
    } else if (method == "shutdown") {
      shut_down_ = true;
      if (request) answer(message, nullptr);
    } else if (method == "textDocument/didOpen") {
      const std::optional<std::string> uri = string_at(message.params, {"textDocument", "uri"});
      const std::optional<std::string> text = string_at(message.params, {"textDocument", "text"});
      const std::string language =
          string_at(message.params, {"textDocument", "languageId"}).value_or("");
      if (uri && text && documents_.open(*uri, language, *text, version_of(message.params))) {
        publish_diagnostics();
      }
    } else if (method == "textDocument/didChange") {
      const std::optional<std::string> uri = string_at(message.params, {"textDocument", "uri"});
      const std::optional<std::string> text = changed_text(message.params);
      if (uri && text && documents_.change(*uri, *text, version_of(message.params))) {
        publish_diagnostics();
      }
    } else if (method == "textDocument/didClose") {
      if (auto uri = string_at(message.params, {"textDocument", "uri"})) {
        documents_.close(*uri);
        send(notification("textDocument/publishDiagnostics",
                          {{"uri", *uri}, {"diagnostics", Json::array()}}));
        publish_diagnostics();
      }
    } else if (method == "textDocument/formatting") {
      if (request) answer(message, formatting(message.params));
    } else if (const Document* bottle = request && is_bottle_method(method)
                                            ? open_bottle(message.params)
                                            : nullptr) {
      answer(message, bottle_request(method, *bottle, message.params));
    } else if (request && method == "textDocument/definition") {
      answer(message, definition(text_position(message.params), documents_, encoding_));
    } else if (request && method == "textDocument/references") {
      const Json* include = at(message.params, {"context", "includeDeclaration"});
      answer(message, references(text_position(message.params), documents_, encoding_,
                                 !include || !include->is_boolean() || include->get<bool>()));
    } else if (request && method == "textDocument/hover") {
      answer(message, hover(text_position(message.params), documents_, encoding_));
    } else if (request && method == "textDocument/completion") {
      answer(message, completion(text_position(message.params), documents_, encoding_));
    } else if (request && method == "textDocument/rename") {
      const std::optional<std::string> new_name = string_at(message.params, {"newName"});
      if (!new_name) throw InvalidParams{"newName is missing"};
      answer(message, rename(text_position(message.params), *new_name, documents_, encoding_));
    } else if (request && method == "textDocument/codeAction") {
      answer(message, code_actions(policy_document(message.params), message.params));
    } else if (request && method == "textDocument/documentSymbol") {
      answer(message, document_symbols(policy_document(message.params), documents_, encoding_));
    } else if (request) {
      send(reply_error(*message.id, ErrorCode::MethodNotFound,
                       fmt::format("no method '{}'", method)));
    }
    // Other notifications ($/cancelRequest, initialized, $/setTrace...) need no answer:
    // every request is answered before the next message is read, so none is pending.
  } catch (const InvalidParams& e) {
    if (request) send(reply_error(*message.id, ErrorCode::InvalidParams, e.message));
  } catch (const std::exception& e) {
    if (request) send(reply_error(*message.id, ErrorCode::RequestFailed, e.what()));
  }
}

const Document& Server::open_document(const Json& params) const {
  const std::optional<std::string> uri = string_at(params, {"textDocument", "uri"});
  if (!uri) throw InvalidParams{"textDocument.uri is missing"};
  const Document* document = documents_.find(*uri);
  if (!document) throw InvalidParams{"the document is not open"};
  return *document;
}

const Document& Server::policy_document(const Json& params) const {
  const Document& document = open_document(params);
  if (!is_policy(document)) throw InvalidParams{"the document is not a policy"};
  return document;
}

const Document* Server::open_bottle(const Json& params) const {
  const std::optional<std::string> uri = string_at(params, {"textDocument", "uri"});
  const Document* document = uri ? documents_.find(*uri) : nullptr;
  return document && is_bottle(*document) ? document : nullptr;
}

Json Server::bottle_request(const std::string& method, const Document& bottle,
                            const Json& params) const {
  if (method == "textDocument/codeAction") return code_actions(bottle, params);
  const TextPosition at = position_in(bottle, params);
  if (method == "textDocument/definition") return bottle_definition(at, documents_, encoding_);
  return method == "textDocument/hover" ? bottle_hover(at, documents_)
                                        : bottle_completion(at, documents_);
}

TextPosition Server::text_position(const Json& params) const {
  return position_in(policy_document(params), params);
}

TextPosition Server::position_in(const Document& document, const Json& params) const {
  const Json* line = at(params, {"position", "line"});
  const Json* character = at(params, {"position", "character"});
  if (!line || !character || !line->is_number_unsigned() || !character->is_number_unsigned()) {
    throw InvalidParams{"position is missing or not two unsigned integers"};
  }
  const Position position{line->get<std::uint32_t>(), character->get<std::uint32_t>()};
  return {&document, offset_of(document.text, position, encoding_)};
}

void Server::answer(const Incoming& request, Json result) { send(reply(*request.id, std::move(result))); }

Json Server::initialize(const Json& params) {
  const Json* offered = at(params, {"capabilities", "general", "positionEncodings"});
  encoding_ = PositionEncoding::Utf16;
  if (offered && offered->is_array()) {
    for (const Json& name : *offered) {
      if (name == "utf-8") encoding_ = PositionEncoding::Utf8;
    }
  }
  // A client may say where the docs are read (its team's web copy); otherwise the copy
  // that goes with this binary, if any.
  if (const std::optional<std::string> docs =
          string_at(params, {"initializationOptions", "errorDocsUrl"})) {
    error_docs_ = *docs;
  } else {
    std::error_code ec;
    error_docs_ = find_error_docs(std::filesystem::read_symlink("/proc/self/exe", ec));
  }
  initialized_ = true;
  return {{"capabilities",
           {{"positionEncoding", encoding_ == PositionEncoding::Utf8 ? "utf-8" : "utf-16"},
            {"textDocumentSync", {{"openClose", true}, {"change", 1}}},
            {"documentFormattingProvider", true},
            {"definitionProvider", true},
            {"referencesProvider", true},
            {"hoverProvider", true},
            {"renameProvider", true},
            {"documentSymbolProvider", true},
            {"codeActionProvider", {{"codeActionKinds", {"quickfix"}}}},
            {"completionProvider", {{"triggerCharacters", {"."}}}}}},
          {"serverInfo", {{"name", "policyc"}}}};
}

void Server::publish_diagnostics() {
  std::map<std::string, Json> all = policy_diagnostics(documents_, encoding_, error_docs_);
  all.merge(bottle_diagnostics(documents_, encoding_, error_docs_));
  for (auto& [uri, diagnostics] : all) {
    Json params = {{"uri", uri}, {"diagnostics", std::move(diagnostics)}};
    if (const Document* document = documents_.find(uri)) params["version"] = document->version;
    send(notification("textDocument/publishDiagnostics", std::move(params)));
  }
}

Json Server::formatting(const Json& params) {
  const std::optional<std::string> uri = string_at(params, {"textDocument", "uri"});
  if (!uri) throw InvalidParams{"textDocument.uri is missing"};
  const Document* document = documents_.find(*uri);
  if (!document) throw InvalidParams{"the document is not open"};
  if (!is_policy(*document)) return nullptr;
  SourceManager sources;
  DiagnosticSink diags;
  const FileId file = sources.add(document->path, document->text);
  std::optional<std::string> formatted = format_policy(sources, file, diags);
  if (!formatted) {
    std::string why = "the policy has a syntax error";
    for (const Diagnostic& d : diags.sorted()) {
      if (d.severity != Severity::Error || !d.range.valid()) continue;
      const Position p = position_of(document->text, d.range.begin, encoding_);
      why = fmt::format("cannot format: line {}: {}; fix it first", p.line + 1, d.message);
      break;
    }
    throw std::runtime_error(why);
  }
  if (*formatted == document->text) return Json::array();
  const Position end = position_of(document->text, static_cast<std::uint32_t>(document->text.size()),
                                   encoding_);
  return Json::array({{{"range",
                        {{"start", {{"line", 0}, {"character", 0}}},
                         {"end", {{"line", end.line}, {"character", end.character}}}}},
                       {"newText", *formatted}}});
}

void Server::send(const Json& message) {
  // Text from a document that is not UTF-8 must not stop the server: such bytes are
  // replaced (U+FFFD) in what it sends.
  write_message(out_, message.dump(-1, ' ', false, Json::error_handler_t::replace));
}

}  // namespace policyc::lsp
