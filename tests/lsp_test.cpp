// The language server's pieces (framing, positions, URIs, JSON-RPC) and whole sessions
// driven through its streams, pinned to the exact bytes it answers.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "lsp/documents.hpp"
#include "lsp/json_rpc.hpp"
#include "lsp/policy_diagnostics.hpp"
#include "lsp/positions.hpp"
#include "lsp/server.hpp"
#include "lsp/transport.hpp"
#include "tests/scratch_folder.hpp"

using namespace policyc;
using namespace policyc::lsp;

namespace {

std::string frame(const std::string& body) {
  return "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

// Runs a session over `input`; returns the bodies the server sent, in order.
std::vector<Json> session(const std::string& input, int* exit_code = nullptr) {
  std::istringstream in(input);
  std::ostringstream out;
  Server server(in, out);
  const int code = server.run();
  if (exit_code) *exit_code = code;
  std::istringstream sent(out.str());
  std::vector<Json> bodies;
  for (Framed f = read_message(sent); f.status == Framed::Status::Message; f = read_message(sent)) {
    bodies.push_back(Json::parse(f.body));
  }
  return bodies;
}

const std::string kInitialize =
    frame(R"({"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}})");

std::string did_open(const std::string& path, const std::string& text) {
  return frame(Json{{"jsonrpc", "2.0"},
                    {"method", "textDocument/didOpen"},
                    {"params",
                     {{"textDocument",
                       {{"uri", uri_of_path(path)}, {"languageId", "policy"}, {"version", 1},
                        {"text", text}}}}}}
                   .dump());
}

}  // namespace

TEST_CASE("lsp framing: headers in any case and order, a body of exactly Content-Length bytes") {
  std::istringstream in("content-length: 2\r\nContent-Type: x\r\n\r\n{}Content-Length:  3 \r\n\r\n[1]");
  Framed first = read_message(in);
  CHECK(first.status == Framed::Status::Message);
  CHECK(first.body == "{}");
  CHECK(read_message(in).body == "[1]");
  CHECK(read_message(in).status == Framed::Status::End);
}

TEST_CASE("lsp framing: a frame without a usable length is malformed and consumed") {
  std::istringstream in("Content-Type: x\r\n\r\nContent-Length: x1\r\n\r\n" + frame("{}"));
  CHECK(read_message(in).error == "the header has no Content-Length");
  CHECK(read_message(in).error == "Content-Length is not a number");
  CHECK(read_message(in).body == "{}");
  std::istringstream long_line(std::string(5000, 'a') + "\r\n\r\n");
  CHECK(read_message(long_line).error == "a header line is longer than 1024 bytes");
  std::istringstream huge("Content-Length: 99999999999\r\n\r\n");
  CHECK(read_message(huge).error == "the message is larger than 64 MiB");
  std::istringstream cut("Content-Length: 10\r\n\r\n{}");
  CHECK(read_message(cut).status == Framed::Status::End);
}

TEST_CASE("lsp positions: UTF-16 units count a non-BMP character twice and UTF-8 counts bytes") {
  const std::string text = "a\xC3\xA9\xF0\x9F\x98\x80z\r\nx\ry";  // a é 😀 z CRLF x CR y
  CHECK(position_of(text, 7, PositionEncoding::Utf16).character == 4);
  CHECK(position_of(text, 7, PositionEncoding::Utf8).character == 7);
  CHECK(position_of(text, 10, PositionEncoding::Utf16).line == 1);
  CHECK(position_of(text, 12, PositionEncoding::Utf16).line == 2);
  CHECK(offset_of(text, {0, 4}, PositionEncoding::Utf16) == 7);
  CHECK(offset_of(text, {0, 3}, PositionEncoding::Utf16) == 3);  // inside the pair: its start
  CHECK(offset_of(text, {0, 99}, PositionEncoding::Utf16) == 8);  // past the end of the line
  CHECK(offset_of(text, {2, 0}, PositionEncoding::Utf8) == 12);
  CHECK(offset_of(text, {9, 0}, PositionEncoding::Utf8) == text.size());
}

TEST_CASE("lsp URIs: file URIs decode percent escapes and other schemes are refused") {
  CHECK(path_of_uri("file:///tmp/a%20b/../c.policy") == "/tmp/c.policy");
  CHECK(path_of_uri("file://localhost/x.policy") == "/x.policy");
  CHECK_FALSE(path_of_uri("file://host/x.policy"));
  CHECK_FALSE(path_of_uri("untitled:Untitled-1"));
  CHECK_FALSE(path_of_uri("file:///a%00b"));
  CHECK(uri_of_path("/tmp/a b/caf\xC3\xA9.policy") == "file:///tmp/a%20b/caf%C3%A9.policy");
}

TEST_CASE("lsp json-rpc: what is not a request gets the error JSON-RPC names") {
  Json error;
  CHECK_FALSE(parse_incoming("{", error));
  CHECK(error.dump() ==
        R"({"error":{"code":-32700,"message":"the message is not valid JSON"},"id":null,"jsonrpc":"2.0"})");
  CHECK_FALSE(parse_incoming(R"({"jsonrpc":"1.0","id":4,"method":"x"})", error));
  CHECK(error["error"]["code"] == -32600);
  CHECK(error["id"] == 4);
  CHECK_FALSE(parse_incoming(R"({"jsonrpc":"2.0","id":[1],"method":"x"})", error));
  CHECK(error["error"]["code"] == -32600);
  CHECK_FALSE(parse_incoming(std::string(10000, '[') + std::string(10000, ']'), error));
  CHECK(error["error"]["message"] == "the message nests deeper than 128 levels");
  CHECK(parse_incoming(R"({"jsonrpc":"2.0","method":"x","params":{"s":"[[[["}})", error));
}

TEST_CASE("lsp server: requests before initialize and unknown methods are refused") {
  int exit_code = -1;
  auto sent = session(frame(R"({"jsonrpc":"2.0","id":1,"method":"textDocument/hover"})") + kInitialize +
                          frame(R"({"jsonrpc":"2.0","id":2,"method":"no/such"})") +
                          frame(R"({"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":2}})") +
                          frame(R"({"jsonrpc":"2.0","id":3,"method":"shutdown"})") +
                          frame(R"({"jsonrpc":"2.0","id":4,"method":"initialize"})") +
                          frame(R"({"jsonrpc":"2.0","method":"exit"})"),
                      &exit_code);
  REQUIRE(sent.size() == 5);
  CHECK(sent[0]["error"]["code"] == -32002);
  CHECK(sent[1]["result"]["capabilities"]["positionEncoding"] == "utf-16");
  CHECK(sent[2].dump() ==
        R"({"error":{"code":-32601,"message":"no method 'no/such'"},"id":2,"jsonrpc":"2.0"})");
  CHECK(sent[3].dump() == R"({"id":3,"jsonrpc":"2.0","result":null})");
  CHECK(sent[4]["error"]["code"] == -32600);
  CHECK(exit_code == 0);
}

TEST_CASE("lsp server: input that ends without shutdown and exit exits 1") {
  int exit_code = -1;
  session(kInitialize + "Content-Length: 5\r\n\r\n{", &exit_code);
  CHECK(exit_code == 1);
}

TEST_CASE("lsp server: a client offering utf-8 gets it") {
  auto sent = session(frame(
      R"({"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{"general":{"positionEncodings":["utf-16","utf-8"]}}}})"));
  CHECK(sent.at(0)["result"]["capabilities"]["positionEncoding"] == "utf-8");
}

TEST_CASE("lsp server: an unsaved edit of an imported file changes the importer's diagnostics") {
  testing::ScratchFolder folder;
  const std::string entry = folder.path("pipelock.policy");
  const std::string imported = folder.path("defaults.policy");
  const std::string entry_text =
      "import \"defaults.policy\"\n\nmanifest bottle {\n  on: bool = false\n}\n\n"
      "set allowlist: hostname\n\nrule r {\n  allowlist += A\n}\n\n"
      "output pipelock {\n  mode = \"strict\"\n  api_allowlist = allowlist\n}\n";
  std::ofstream(entry) << entry_text;
  std::ofstream(imported) << "const A: list<hostname> = [\"a.example.com\"]\n";
  auto sent = session(kInitialize + did_open(entry, entry_text) +
                      did_open(imported, "const B: list<hostname> = [\"a.example.com\"]\n"));
  REQUIRE(sent.size() == 4);  // the reply, then at each open one publication per open document
  CHECK(sent[1]["params"]["diagnostics"].empty());
  const Json& after = sent[3]["params"];
  CHECK(sent[2]["params"]["uri"] == uri_of_path(imported));
  CHECK(after["uri"] == uri_of_path(entry));
  CHECK(after["diagnostics"].dump() ==
        R"([{"code":"E0202","codeDescription":{"href":")" + error_doc_url("E0202") + R"("},)"
        R"("data":{"suggestion":"B"},"message":"unknown name 'A'; did you mean 'B'?",)"
        R"("range":{"end":{"character":16,"line":9},"start":{"character":15,"line":9}},)"
        R"("severity":1,"source":"policyc"}])");
}

TEST_CASE("lsp server: positions after non-ASCII text are UTF-16 units or UTF-8 bytes") {
  testing::ScratchFolder folder;
  const std::string path = folder.path("p.policy");
  // 'é' is one UTF-16 unit and two bytes; '😀' two units and four bytes.
  const std::string text = "# caf\xC3\xA9\nconst X: list<string> = [\"\xC3\xA9\xF0\x9F\x98\x80\", 5]\n";
  auto element_error = [&](const std::string& initialize) {
    const std::vector<Json> sent = session(initialize + did_open(path, text));
    for (const Json& d : sent.at(1)["params"]["diagnostics"]) {
      if (d["code"] == "E0210") return d["range"]["start"];
    }
    return Json();
  };
  CHECK(element_error(kInitialize).dump() == R"({"character":32,"line":1})");
  CHECK(element_error(frame(R"({"jsonrpc":"2.0","id":1,"method":"initialize","params":)"
                            R"({"capabilities":{"general":{"positionEncodings":["utf-8"]}}}})"))
            .dump() == R"({"character":35,"line":1})");
}

TEST_CASE("lsp server: formatting returns fmt's text as one edit and refuses a syntax error") {
  testing::ScratchFolder folder;
  const std::string path = folder.path("p.policy");
  const std::string messy = "const   A : list<hostname> = [ \"a.example.com\" ]\n";
  const std::string broken = "const A = \n";
  auto format = [&](int id) {
    return frame(Json{{"jsonrpc", "2.0"},
                      {"id", id},
                      {"method", "textDocument/formatting"},
                      {"params", {{"textDocument", {{"uri", uri_of_path(path)}}}}}}
                     .dump());
  };
  const std::string change =
      frame(Json{{"jsonrpc", "2.0"},
                 {"method", "textDocument/didChange"},
                 {"params",
                  {{"textDocument", {{"uri", uri_of_path(path)}, {"version", 2}}},
                   {"contentChanges", {{{"text", broken}}}}}}}
                .dump());
  auto sent = session(kInitialize + did_open(path, messy) + format(2) + change + format(3));
  REQUIRE(sent.size() == 5);
  CHECK(sent[2]["result"].dump() ==
        R"([{"newText":"const A: list<hostname> = [\"a.example.com\"]\n",)"
        R"("range":{"end":{"character":0,"line":1},"start":{"character":0,"line":0}}}])");
  CHECK(sent[4]["error"]["code"] == -32803);
  CHECK(sent[4]["error"]["message"].get<std::string>().rfind("cannot format: line 1: ", 0) == 0);
}

TEST_CASE("lsp diagnostics: a code's docs link is the heading's anchor in docs/errors.md") {
  CHECK(error_doc_url("E0202") == std::string(kErrorDocsUrl) + "#e0202-unknown-name");
  CHECK(error_doc_url("W0601") == std::string(kErrorDocsUrl) + "#w0601-unused-constant");
  CHECK(error_doc_url("E9999").empty());
}

TEST_CASE("lsp server: definition and hover on a name declared under a comment") {
  testing::ScratchFolder folder;
  const std::string path = folder.path("p.policy");
  const std::string text =
      "# Where the bottle may go.\n# Two lines.\nconst Hosts: list<hostname> = [\"a.example.com\"]\n"
      "const More = Hosts\n";
  auto request = [&](int id, const char* method) {
    return frame(Json{{"jsonrpc", "2.0"},
                      {"id", id},
                      {"method", method},
                      {"params",
                       {{"textDocument", {{"uri", uri_of_path(path)}}},
                        {"position", {{"line", 3}, {"character", 14}}}}}}
                     .dump());
  };
  auto sent = session(kInitialize + did_open(path, text) + request(2, "textDocument/definition") +
                      request(3, "textDocument/hover"));
  REQUIRE(sent.size() == 4);
  CHECK(sent[2]["result"].dump() ==
        R"([{"range":{"end":{"character":11,"line":2},"start":{"character":6,"line":2}},"uri":")" +
            uri_of_path(path) + R"("}])");
  CHECK(sent[3]["result"]["contents"]["value"] ==
        "```policy\nconst Hosts: list<hostname>\n```\n\nWhere the bottle may go.\nTwo lines.\n");
}
