// The language server's pieces (framing, positions, URIs, JSON-RPC) and whole sessions
// driven through its streams, pinned to the exact bytes it answers.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <sys/stat.h>

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

// Where the sessions' clients say the docs are, so that links do not depend on where the
// test binary is (the server's own search is tested below).
const std::string kErrorDocs = "https://docs.example.org/errors.md";

std::string doc_url(const std::string& code) { return error_doc_url(code, kErrorDocs); }

const std::string kInitialize = frame(
    R"({"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{},)"
    R"("initializationOptions":{"errorDocsUrl":")" + kErrorDocs + R"("}}})");

std::string did_open(const std::string& path, const std::string& text,
                     const std::string& language = "policy") {
  return frame(Json{{"jsonrpc", "2.0"},
                    {"method", "textDocument/didOpen"},
                    {"params",
                     {{"textDocument",
                       {{"uri", uri_of_path(path)}, {"languageId", language}, {"version", 1},
                        {"text", text}}}}}}
                   .dump());
}

std::string did_change(const std::string& path, const std::string& text) {
  return frame(Json{{"jsonrpc", "2.0"},
                    {"method", "textDocument/didChange"},
                    {"params",
                     {{"textDocument", {{"uri", uri_of_path(path)}, {"version", 2}}},
                      {"contentChanges", {{{"text", text}}}}}}}
                   .dump());
}

// Requests of one method (hover, completion...) at each (line, character) of a
// document, with the ids 2, 3...
std::string at_positions(const char* method, const std::string& path,
                         const std::vector<std::pair<int, int>>& positions) {
  std::string frames;
  int id = 2;
  for (const auto& [line, character] : positions) {
    frames += frame(Json{{"jsonrpc", "2.0"},
                         {"id", id++},
                         {"method", method},
                         {"params",
                          {{"textDocument", {{"uri", uri_of_path(path)}}},
                           {"position", {{"line", line}, {"character", character}}}}}}
                        .dump());
  }
  return frames;
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
        R"([{"code":"E0202","codeDescription":{"href":")" + doc_url("E0202") + R"("},)"
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
  const std::string docs = "https://docs.example.org/errors.md";
  CHECK(error_doc_url("E0202", docs) == docs + "#e0202-unknown-name");
  CHECK(error_doc_url("W0601", docs) == docs + "#w0601-unused-constant");
  CHECK(error_doc_url("E9999", docs).empty());
  CHECK(error_doc_url("E0202", "").empty());
}

TEST_CASE("lsp diagnostics: the docs are the copy installed beside the binary, or none") {
  testing::ScratchFolder prefix;
  std::filesystem::create_directories(prefix.dir() / "bin");
  std::filesystem::create_directories(prefix.dir() / "share" / "policyc");
  const std::filesystem::path binary = prefix.dir() / "bin" / "policyc";
  CHECK(find_error_docs(binary).empty());
  CHECK(find_error_docs("").empty());  // /proc/self/exe unreadable
  std::ofstream(prefix.path("share/policyc/errors.md")) << "# Errors\n";
  const std::string installed = std::filesystem::canonical(prefix.path("share/policyc/errors.md"));
  CHECK(find_error_docs(binary) == uri_of_path(installed));
  // A binary built in the checkout (build/policyc) finds the checkout's docs/errors.md.
  testing::ScratchFolder checkout;
  std::filesystem::create_directories(checkout.dir() / "docs");
  std::filesystem::create_directories(checkout.dir() / "build");
  std::ofstream(checkout.path("docs/errors.md")) << "# Errors\n";
  CHECK(find_error_docs(checkout.dir() / "build" / "policyc") ==
        uri_of_path(std::filesystem::canonical(checkout.path("docs/errors.md"))));
}

TEST_CASE("lsp diagnostics: a client's errorDocsUrl is where codes link, and empty means none") {
  testing::ScratchFolder folder;
  const std::string path = folder.path("p.policy");
  auto initialize = [](const Json& options) {
    return frame(Json{{"jsonrpc", "2.0"},
                      {"id", 1},
                      {"method", "initialize"},
                      {"params", {{"capabilities", Json::object()}, {"initializationOptions", options}}}}
                     .dump());
  };
  // The unknown name's report, among the unused constant's lints.
  auto unknown_name = [&](const Json& options) {
    auto sent = session(initialize(options) + did_open(path, "const A: list<hostname> = B\n"));
    REQUIRE(sent.size() == 2);
    for (const Json& d : sent[1]["params"]["diagnostics"]) {
      if (d["code"] == "E0202") return d;
    }
    FAIL("no E0202 in " << sent[1].dump());
    return Json();
  };
  CHECK(unknown_name({{"errorDocsUrl", "https://docs.example.org/errors.html"}})
            ["codeDescription"]["href"] == "https://docs.example.org/errors.html#e0202-unknown-name");
  CHECK_FALSE(unknown_name({{"errorDocsUrl", ""}}).contains("codeDescription"));
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

namespace {

// A project folder (policyc.yaml) whose policy reads a small bottle schema: a renamed key,
// an enum, a nested record, hosts that end up in api_allowlist.
const std::string kBottlePolicy =
    "manifest bottle {\n"
    "  # Hosts the bottle may reach.\n"
    "  hosts: list<hostname> = []\n"
    "  leak: enum(\"block\", \"warn\") = \"block\"  # what a leak does\n"
    "  proxy: Proxy = {}\n"
    "  renamed old_hosts -> hosts\n"
    "}\n\n"
    "record Proxy {\n"
    "  port: int = 8080\n"
    "  level: enum(\"low\", \"high\") = \"low\"\n"
    "}\n\n"
    "set allowlist: hostname\n\n"
    "rule bottle_hosts {\n"
    "  allowlist += bottle.hosts\n"
    "}\n\n"
    "output pipelock {\n"
    "  mode = \"strict\"\n"
    "  api_allowlist = allowlist\n"
    "}\n";

struct BottleProject {
  testing::ScratchFolder folder{"lsp-bottle"};
  std::string policy = folder.path("bottle.policy");
  std::string bottle = folder.path("bottles/b.yaml");
  explicit BottleProject(const std::string& policy_text = kBottlePolicy) {
    std::ofstream(folder.path("policyc.yaml")) << "policy: bottle.policy\n";
    std::ofstream(policy) << policy_text;
    std::filesystem::create_directory(folder.path("bottles"));
  }
};

std::string code_action(int id, const std::string& path, const Json& diagnostic) {
  return frame(Json{{"jsonrpc", "2.0"},
                    {"id", id},
                    {"method", "textDocument/codeAction"},
                    {"params",
                     {{"textDocument", {{"uri", uri_of_path(path)}}},
                      {"range", diagnostic["range"]},
                      {"context", {{"diagnostics", Json::array({diagnostic})}}}}}}
                   .dump());
}

// A bottle schema, params, a constant and a loop variable both named `host`, and an
// output: what completion, hover and the scope rules are tested on.
const std::string kScoped =
    "manifest bottle {\n"
    "  egress: Egress = {}\n"
    "  mode: enum(\"strict\", \"audit\") = \"strict\"  # how strict the bottle is\n"
    "  routes: list<Route> = []\n"
    "}\n\n"
    "record Egress {\n"
    "  # Hosts the user adds.\n"
    "  allowlist: list<hostname> = []\n"
    "}\n\n"
    "record Route {\n  host: hostname\n}\n\n"
    "params {\n  ca_cert: path?\n}\n\n"
    "# The hosts every bottle reaches.\n"
    "const host: list<hostname> = [\"a.example.com\"]\n\n"
    "set allowlist: hostname\n\n"
    "rule r when bottle.mode == \"strict\" {\n"
    "  allowlist += host\n"
    "  allowlist += [host for host in bottle.egress.allowlist]\n"
    "  allowlist += [route.host for route in bottle.routes]\n"
    "}\n\n"
    "output pipelock {\n"
    "  mode = \"strict\"\n"
    "  api_allowlist = sorted(allowlist)\n"
    "  dlp {\n"
    "    scan_env = true\n"
    "  }\n"
    "}\n";

// The position of the `nth` occurrence of `needle` in `text`, `shift` bytes into it
// (ASCII text: UTF-16 units are bytes).
Json position_at(const std::string& text, std::size_t at) {
  const std::size_t line_start = text.rfind('\n', at == 0 ? 0 : at - 1);
  const std::size_t character = line_start == std::string::npos ? at : at - line_start - 1;
  return {{"line", std::count(text.begin(), text.begin() + static_cast<long>(at), '\n')},
          {"character", character}};
}

std::size_t find_nth(const std::string& text, const std::string& needle, int nth) {
  std::size_t at = text.find(needle);
  for (int i = 0; i < nth && at != std::string::npos; ++i) at = text.find(needle, at + 1);
  REQUIRE(at != std::string::npos);
  return at;
}

Json position_in(const std::string& text, const std::string& needle, int nth = 0,
                 std::size_t shift = 0) {
  return position_at(text, find_nth(text, needle, nth) + shift);
}

// `text` opened as p.policy in a scratch folder, then one request at `position`; its result.
Json ask(const std::string& text, const char* method, const Json& position, Json params = {}) {
  testing::ScratchFolder folder;
  const std::string path = folder.path("p.policy");
  params["textDocument"] = {{"uri", uri_of_path(path)}};
  params["position"] = position;
  const auto sent = session(kInitialize + did_open(path, text) +
                            frame(Json{{"jsonrpc", "2.0"}, {"id", 2}, {"method", method}, {"params", params}}
                                      .dump()));
  REQUIRE(sent.size() == 3);
  return sent[2]["result"];
}

// `kScoped` with `line` added before the `nth` occurrence of `before`; completion at
// the end of the added line less `back` bytes.
Json complete_with(const std::string& line, const std::string& before, int nth = 0, std::size_t back = 0) {
  std::string text = kScoped;
  const std::size_t at = find_nth(text, before, nth);
  text.insert(at, line + "\n");
  return ask(text, "textDocument/completion", position_at(text, at + line.size() - back));
}

// "label kind detail" of each item, in order.
std::vector<std::string> items_of(const Json& result) {
  std::vector<std::string> out;
  for (const Json& item : result["items"]) {
    out.push_back(item["label"].get<std::string>() + " " + std::to_string(item["kind"].get<int>()) +
                  " " + item["detail"].get<std::string>());
  }
  return out;
}

bool has_item(const Json& result, const std::string& label_kind_detail) {
  const auto items = items_of(result);
  return std::find(items.begin(), items.end(), label_kind_detail) != items.end();
}

// Where a rename at `position` edits kScoped: the start of each range.
std::vector<Json> renamed_at(const Json& position) {
  const Json edit = ask(kScoped, "textDocument/rename", position, {{"newName", "renamed"}});
  std::vector<Json> starts;
  for (const Json& change : edit["changes"].begin().value()) starts.push_back(change["range"]["start"]);
  return starts;
}

std::string hover_at(const std::string& needle, int nth = 0, std::size_t shift = 0) {
  const Json result = ask(kScoped, "textDocument/hover", position_in(kScoped, needle, nth, shift));
  return result.is_null() ? "null" : result["contents"]["value"].get<std::string>();
}

}  // namespace

TEST_CASE("lsp bottles: an unknown key is compile's E0311 with a did-you-mean fix") {
  BottleProject project;
  auto sent = session(kInitialize + did_open(project.bottle, "hots:\n  - a.example.com\n", "yaml"));
  REQUIRE(sent.size() == 2);
  CHECK(sent[1]["params"].dump() ==
        R"({"diagnostics":[{"code":"E0311","codeDescription":{"href":")" + doc_url("E0311") +
            R"("},"data":{"suggestion":"hosts"},"message":"unknown key 'hots' in the manifest; did you mean 'hosts'?",)"
            R"("range":{"end":{"character":4,"line":0},"start":{"character":0,"line":0}},"severity":1,"source":"policyc"}],)"
            R"("uri":")" + uri_of_path(project.bottle) + R"(","version":1})");
  auto fixed = session(kInitialize + did_open(project.bottle, "hots:\n  - a.example.com\n", "yaml") +
                       code_action(2, project.bottle, sent[1]["params"]["diagnostics"][0]));
  REQUIRE(fixed.size() == 3);
  CHECK(fixed[2]["result"][0]["title"] == "Change to 'hosts'");
  CHECK(fixed[2]["result"][0]["edit"].dump() ==
        R"({"changes":{")" + uri_of_path(project.bottle) +
            R"(":[{"newText":"hosts","range":{"end":{"character":4,"line":0},"start":{"character":0,"line":0}}}]}})");
}

TEST_CASE("lsp bottles: a renamed key warns, links to the rename and is renamed inside its quotes") {
  BottleProject project;
  const std::string text = "\"old_hosts\": [a.example.com]\n";
  auto sent = session(kInitialize + did_open(project.bottle, text, "yaml"));
  REQUIRE(sent.size() == 2);
  const Json& warning = sent[1]["params"]["diagnostics"][0];
  CHECK(warning.dump() ==
        R"({"code":"W0330","codeDescription":{"href":")" + doc_url("W0330") +
            R"("},"data":{"range":{"end":{"character":10,"line":0},"start":{"character":1,"line":0}},"suggestion":"hosts"},)"
            R"x("message":"'old_hosts' is now called 'hosts'; rename 'old_hosts' to 'hosts' ('policyc migrate' does it)",)x"
            R"("range":{"end":{"character":11,"line":0},"start":{"character":0,"line":0}},)"
            R"("relatedInformation":[{"location":{"range":{"end":{"character":19,"line":5},"start":{"character":10,"line":5}},)"
            R"("uri":")" + uri_of_path(project.policy) + R"("},"message":"renamed by the policy here"}],"severity":2,"source":"policyc"})");
  auto fixed = session(kInitialize + did_open(project.bottle, text, "yaml") +
                       code_action(2, project.bottle, warning));
  REQUIRE(fixed.size() == 3);
  CHECK(fixed[2]["result"][0]["title"] == "Rename to 'hosts'");
  CHECK(fixed[2]["result"][0]["edit"]["changes"][uri_of_path(project.bottle)].dump() ==
        R"([{"newText":"hosts","range":{"end":{"character":10,"line":0},"start":{"character":1,"line":0}}}])");
}

TEST_CASE("lsp bottles: hover on a key shows its field, on a host what explain --host says") {
  BottleProject project;
  const std::string text = "leak: warn\nhosts:\n  - a.example.com\n  - b.example.com\n";
  auto sent = session(kInitialize + did_open(project.bottle, text, "yaml") +
                      at_positions("textDocument/hover", project.bottle,
                                   {{0, 2}, {1, 0}, {3, 6}, {0, 7}}));
  REQUIRE(sent.size() == 6);
  CHECK(sent[1]["params"]["diagnostics"].dump() == "[]");
  CHECK(sent[2]["result"]["contents"]["value"] ==
        "```policy\nleak: enum(\"block\", \"warn\") = \"block\"\n```\n\nwhat a leak does\n\n"
        "bottle.policy:4\n");
  CHECK(sent[3]["result"]["contents"]["value"] ==
        "```policy\nhosts: list<hostname> = []\n```\n\nHosts the bottle may reach.\n\n"
        "bottle.policy:3\n");
  CHECK(sent[4]["result"]["contents"]["value"] ==
        "```\nb.example.com is allowed (mode strict)\n  api_allowlist entry \"b.example.com\"\n"
        "    rule bottle_hosts (bottle.policy:17) from hosts[1] (" + project.bottle + ":4)\n```\n");
  CHECK(sent[5]["result"].is_null());
}

TEST_CASE("lsp bottles: definition on a key goes to its field, an old name to the rename too") {
  BottleProject project;
  const std::string text = "leak: warn\nproxy:\n  level: high\nold_hosts: [a.example.com]\n";
  auto sent = session(kInitialize + did_open(project.bottle, text, "yaml") +
                      at_positions("textDocument/definition", project.bottle,
                                   {{0, 1}, {2, 4}, {3, 2}, {0, 7}}));
  REQUIRE(sent.size() == 6);
  const std::string policy = R"(,"uri":")" + uri_of_path(project.policy) + R"("})";
  auto at = [&](int line, int begin, int end) {
    return R"({"range":{"end":{"character":)" + std::to_string(end) + R"(,"line":)" +
           std::to_string(line) + R"(},"start":{"character":)" + std::to_string(begin) +
           R"(,"line":)" + std::to_string(line) + "}}" + policy;
  };
  CHECK(sent[2]["result"].dump() == "[" + at(3, 2, 6) + "]");
  CHECK(sent[3]["result"].dump() == "[" + at(10, 2, 7) + "]");
  CHECK(sent[4]["result"].dump() == "[" + at(2, 2, 7) + "," + at(5, 10, 19) + "]");
  CHECK(sent[5]["result"].is_null());  // a value
}

TEST_CASE("lsp bottles: a policy not on disk (the shipped one) has no URI to go to") {
  SourceManager sources;
  const FileId shipped = sources.add("policies/pipelock.policy", "");
  const FileId project = sources.add("policies/pipelock.policy", "");
  CHECK(uri_on_disk(sources, shipped, "").empty());
  CHECK(uri_on_disk(sources, project, "/srv/fleet") == "file:///srv/fleet/policies/pipelock.policy");
}

TEST_CASE("lsp bottles: completion offers the fields left at the cursor's level and enum values") {
  BottleProject project;
  const std::string text = "leak: \n\nproxy:\n  p\n  level: \n";
  auto sent = session(kInitialize + did_open(project.bottle, text, "yaml") +
                      at_positions("textDocument/completion", project.bottle,
                                   {{1, 0}, {3, 3}, {0, 6}, {4, 9}}));
  REQUIRE(sent.size() == 6);
  // Top level: `leak` and `proxy` are there; in `proxy`: `level` is there.
  // Each with its declaration and comments, as hover shows them, and the key to insert.
  CHECK(sent[2]["result"].dump() ==
        R"({"isIncomplete":false,"items":[{"detail":"a list of hostname","documentation":{"kind":"markdown",)"
        R"("value":"```policy\nhosts: list<hostname> = []\n```\n\nHosts the bottle may reach.\n\nbottle.policy:3\n"},)"
        R"("insertText":"hosts: ","kind":10,"label":"hosts"}]})");
  CHECK(sent[3]["result"].dump() ==
        R"({"isIncomplete":false,"items":[{"detail":"an integer","documentation":{"kind":"markdown",)"
        R"("value":"```policy\nport: int = 8080\n```\n\nbottle.policy:10\n"},)"
        R"("insertText":"port: ","kind":10,"label":"port"}]})");
  CHECK(sent[4]["result"].dump() ==
        R"({"isIncomplete":false,"items":[{"detail":"one of \"block\", \"warn\"","kind":20,"label":"block"},)"
        R"({"detail":"one of \"block\", \"warn\"","kind":20,"label":"warn"}]})");
  CHECK(sent[5]["result"].dump() ==
        R"({"isIncomplete":false,"items":[{"detail":"one of \"low\", \"high\"","kind":20,"label":"low"},)"
        R"({"detail":"one of \"low\", \"high\"","kind":20,"label":"high"}]})");
}

TEST_CASE("lsp bottles: the project's policy open and unsaved is the one the bottle is read against") {
  BottleProject project;
  std::string with_extra = kBottlePolicy;
  with_extra.insert(with_extra.find("  proxy:"), "  extra: bool = false\n");
  std::string broken = kBottlePolicy;
  broken.replace(broken.find("bottle.hosts"), 12, "bottle.hots");
  auto sent = session(kInitialize + did_open(project.bottle, "extra: true\nhosts: [a.example.com]\n", "yaml") +
                      did_open(project.policy, with_extra) + did_change(project.policy, broken));
  REQUIRE(sent.size() == 6);  // at each change, the policy's publication then the bottle's
  CHECK(sent[1]["params"]["diagnostics"][0]["message"] == "unknown key 'extra' in the manifest");
  CHECK(sent[3]["params"]["uri"] == uri_of_path(project.bottle));
  CHECK(sent[3]["params"]["diagnostics"].dump() == "[]");
  CHECK(sent[5]["params"]["uri"] == uri_of_path(project.bottle));
  // The policy's error is the bottle's first character's, led by where it is.
  CHECK(sent[5]["params"]["diagnostics"].dump() ==
        R"([{"code":"E0202","codeDescription":{"href":")" + doc_url("E0202") +
            R"("},"message":"bottle.policy:17:23: 'bottle' has no field 'hots'; did you mean 'hosts'?",)"
            R"("range":{"end":{"character":0,"line":0},"start":{"character":0,"line":0}},)"
            R"("relatedInformation":[{"location":{"range":{"end":{"character":15,"line":0},"start":{"character":9,"line":0}},)"
            R"("uri":")" + uri_of_path(project.policy) + R"("},"message":"'bottle' is declared here"}],"severity":1,"source":"policyc"}])");
}

TEST_CASE("lsp bottles: the project file open and unsaved is the one the bottle is read with") {
  BottleProject project;
  std::string with_extra = kBottlePolicy;
  with_extra.insert(with_extra.find("  proxy:"), "  extra: bool = false\n");
  std::ofstream(project.folder.path("other.policy")) << with_extra;
  const std::string project_file = project.folder.path("policyc.yaml");
  auto sent = session(kInitialize + did_open(project.bottle, "extra: true\nhosts: [a.example.com]\n", "yaml") +
                      did_open(project_file, "policy: other.policy\n", "yaml") +
                      did_change(project_file, "polciy: other.policy\n"));
  REQUIRE(sent.size() == 4);  // the bottle's publications: the project file has none
  CHECK(sent[1]["params"]["diagnostics"][0]["message"] == "unknown key 'extra' in the manifest");
  CHECK(sent[2]["params"]["uri"] == uri_of_path(project.bottle));
  CHECK(sent[2]["params"]["diagnostics"].dump() == "[]");
  CHECK(sent[3]["params"]["uri"] == uri_of_path(project.bottle));
  CHECK(sent[3]["params"]["diagnostics"][0]["message"] ==
        project_file + ":1:1: unknown key 'polciy' in policyc.yaml; did you mean 'policy'?");
}

TEST_CASE("lsp bottles: a project file that is a pipe is refused, not waited on") {
  testing::ScratchFolder folder{"lsp-fifo"};
  std::filesystem::create_directory(folder.path("bottles"));
  const std::string project_file = folder.path("policyc.yaml");
  REQUIRE(::mkfifo(project_file.c_str(), 0600) == 0);
  const std::string bottle = folder.path("bottles/b.yaml");
  auto sent = session(kInitialize + did_open(bottle, "hosts: []\n", "yaml"));
  REQUIRE(sent.size() == 2);
  CHECK(sent[1]["params"]["diagnostics"][0]["message"] ==
        "cannot read project file '" + project_file +
            "': is a pipe or a socket, which the language server does not read; use a regular file");
}

TEST_CASE("lsp bottles: Markdown front matter is the bottle, and a list of an enum completes") {
  BottleProject project(
      "manifest bottle {\n  tags: list<enum(\"red\", \"blue\")> = []\n}\n\n"
      "set allowlist: hostname\n\nrule r {\n  allowlist += [\"a.example.com\"]\n}\n\n"
      "output pipelock {\n  mode = \"strict\"\n  api_allowlist = allowlist\n}\n");
  const std::string bottle = project.folder.path("bottles/b.md");
  auto sent = session(kInitialize +
                      did_open(bottle, "---\ntagz: []\ntags:\n  - \n---\n# Notes\ntags: \n", "markdown") +
                      at_positions("textDocument/completion", bottle, {{3, 4}, {6, 6}}));
  REQUIRE(sent.size() == 4);
  std::vector<std::string> found;
  for (const Json& d : sent[1]["params"]["diagnostics"]) {
    found.push_back(d["code"].get<std::string>() + " " + d["range"]["start"].dump() + " " +
                    d["message"].get<std::string>());
  }
  // As `policyc compile bottles/b.md` says: 2:1 and 4:4.
  CHECK(found == std::vector<std::string>{
                     R"(E0311 {"character":0,"line":1} unknown key 'tagz' in the manifest; did you mean 'tags'?)",
                     R"(E0313 {"character":3,"line":3} 'tags[0]' must be one of "red", "blue", got nothing)"});
  CHECK(sent[2]["result"].dump() ==
        R"({"isIncomplete":false,"items":[{"detail":"one of \"red\", \"blue\"","kind":20,"label":"red"},)"
        R"({"detail":"one of \"red\", \"blue\"","kind":20,"label":"blue"}]})");
  CHECK(sent[3]["result"].dump() == R"({"isIncomplete":false,"items":[]})");  // the Markdown body
}

TEST_CASE("lsp completion: after 'bottle.', a nested record's '.' and 'params.', their fields",
          "[lsp][completion]") {
  CHECK(items_of(complete_with("  allowlist += bottle.", "}\n\noutput")) ==
        std::vector<std::string>{"egress 5 Egress", "mode 5 enum(\"strict\", \"audit\")",
                                 "routes 5 list<Route>"});
  CHECK(items_of(complete_with("  allowlist += bottle.egress.al", "}\n\noutput")) ==
        std::vector<std::string>{"allowlist 5 list<hostname>"});
  CHECK(items_of(complete_with("  allowlist += params.", "}\n\noutput")) ==
        std::vector<std::string>{"ca_cert 5 path?"});
}

TEST_CASE("lsp completion: after a loop variable of a record type and '.', its fields",
          "[lsp][completion]") {
  CHECK(items_of(complete_with("  allowlist += [route. for route in bottle.routes]", "}\n\noutput", 0,
                               std::string(" for route in bottle.routes]").size())) ==
        std::vector<std::string>{"host 5 hostname"});
}

TEST_CASE("lsp completion: after 'bottle.mode == ' or inside its string, the enum's values",
          "[lsp][completion]") {
  const std::string text = kScoped.substr(0, kScoped.find("\"strict\" {")) + "\"st\" {" +
                           kScoped.substr(kScoped.find("\"strict\" {") + 10);
  const Json result = ask(text, "textDocument/completion", position_in(text, "\"st\" {", 0, 3));
  CHECK(items_of(result) == std::vector<std::string>{"\"strict\" 20 enum(\"strict\", \"audit\")",
                                                     "\"audit\" 20 enum(\"strict\", \"audit\")"});
  // The edit replaces both quotes the editor wrote.
  CHECK(result["items"][1]["textEdit"].dump() ==
        R"({"newText":"\"audit\"","range":{"end":{"character":31,"line":24},"start":{"character":27,"line":24}}})");
  CHECK(items_of(complete_with("rule q when bottle.mode != {\n}\n", "output", 0, 4)).size() == 2);
}

TEST_CASE("lsp completion: at a key of the output block, the pipelock schema's keys there",
          "[lsp][completion]") {
  const Json root = complete_with("  ", "  mode = \"strict\"\n  api");
  CHECK(has_item(root, "api_allowlist 10 list of hostnames"));
  CHECK(has_item(root, "dlp 10 section"));
  CHECK_FALSE(has_item(root, "const 14 keyword"));
  // After an enum key's '=', inside the string: pipelock's values for it.
  const Json mode = complete_with("  mode = \"st", "  mode = \"strict\"");
  REQUIRE_FALSE(mode["items"].empty());
  CHECK(has_item(mode, "\"strict\" 20 " + mode["items"][0]["detail"].get<std::string>()));
  CHECK(mode["items"][0]["detail"].get<std::string>().rfind("enum(\"", 0) == 0);
  const Json dlp = complete_with("    sc", "    scan_env");
  CHECK(has_item(dlp, "scan_env 10 bool"));
  CHECK_FALSE(has_item(dlp, "api_allowlist 10 list of hostnames"));
  // Elsewhere: names, built-ins with their signatures, types and keywords.
  const Json names = complete_with("  allowlist += ", "}\n\noutput");
  CHECK(has_item(names, "host 6 const: list<hostname>"));
  CHECK(has_item(names, "sorted 3 sorted(list<T>) -> list<T>"));
  CHECK(has_item(names, "hostname 25 type"));
  CHECK(has_item(names, "when 14 keyword"));
}

// The item labelled `label`, or null.
Json item_labelled(const Json& result, const std::string& label) {
  for (const Json& item : result["items"]) {
    if (item["label"] == label) return item;
  }
  return nullptr;
}

TEST_CASE("lsp completion: items carry the comments that document them and what to insert",
          "[lsp][completion]") {
  auto documentation = [](const Json& item) {
    return item.contains("documentation") ? item["documentation"]["value"].get<std::string>() : "-";
  };
  const Json fields = complete_with("  allowlist += bottle.", "}\n\noutput");
  // A field documented at the end of its line, one documented by nothing.
  CHECK(documentation(item_labelled(fields, "mode")) == "how strict the bottle is\n");
  CHECK(documentation(item_labelled(fields, "routes")) == "-");
  CHECK(documentation(item_labelled(complete_with("  allowlist += bottle.egress.", "}\n\noutput"),
                                    "allowlist")) == "Hosts the user adds.\n");
  const Json names = complete_with("  allowlist += ", "}\n\noutput");
  CHECK(documentation(item_labelled(names, "host")) == "The hosts every bottle reaches.\n");
  const Json sorted = item_labelled(names, "sorted");
  CHECK(documentation(sorted) == "The list in byte order, T a string type or int.");
  CHECK(sorted["insertText"] == "sorted(");
  // An output key: its value or its section's block follows.
  const Json root = complete_with("  ", "  mode = \"strict\"\n  api");
  CHECK(item_labelled(root, "api_allowlist")["insertText"] == "api_allowlist = ");
  CHECK(item_labelled(root, "dlp")["insertText"] == "dlp {");
}

TEST_CASE("lsp hover: a built-in's signature and what it does", "[lsp][hover]") {
  CHECK(hover_at("sorted(") ==
        "```policy\nsorted(list<T>) -> list<T>\n```\n\nThe list in byte order, T a string type or int.\n");
}

TEST_CASE("lsp hover: a constant's type, value and comment", "[lsp][hover]") {
  CHECK(hover_at("+= host", 0, 4) ==
        "```policy\nconst host: list<hostname> = [\"a.example.com\"]\n```\n\nThe hosts every bottle reaches.\n");
}

TEST_CASE("lsp hover: a manifest field's type, default and comment, above or after it",
          "[lsp][hover]") {
  CHECK(hover_at("egress.allowlist]", 0, 8) ==
        "```policy\nEgress.allowlist: list<hostname> = []\n```\n\nHosts the user adds.\n");
  CHECK(hover_at("bottle.mode", 0, 8) ==
        "```policy\nbottle.mode: enum(\"strict\", \"audit\") = \"strict\"\n```\n\nhow strict the bottle is\n");
  CHECK(hover_at("  mode: enum", 0, 3) == hover_at("bottle.mode", 0, 8));
}

TEST_CASE("lsp hover: a pipelock output key's schema type and a loop variable's type",
          "[lsp][hover]") {
  CHECK(hover_at("scan_env") == "```policy\npipelock.dlp.scan_env: bool\n```\n\npipelock output field\n");
  CHECK(hover_at("route.host") == "```policy\nroute: Route\n```\n\nloop variable\n");
  CHECK(hover_at("for route", 0, 4) == "```policy\nroute: Route\n```\n\nloop variable\n");
}

TEST_CASE("lsp names: renaming a constant leaves a loop variable of the same name alone",
          "[lsp][scope]") {
  CHECK(renamed_at(position_in(kScoped, "const host", 0, 6)) ==
        std::vector<Json>{position_in(kScoped, "host:", 1), position_in(kScoped, "+= host", 0, 3)});
}

TEST_CASE("lsp names: a loop variable's definition is its binding, its references its uses",
          "[lsp][scope]") {
  const Json use = position_in(kScoped, "[host for", 0, 1);
  const Json binding = position_in(kScoped, "for host", 0, 4);
  CHECK(ask(kScoped, "textDocument/definition", use)[0]["range"]["start"] == binding);
  const Json references = ask(kScoped, "textDocument/references", binding);
  REQUIRE(references.size() == 2);
  CHECK(references[0]["range"]["start"] == binding);
  CHECK(references[1]["range"]["start"] == use);
  const Json uses = ask(kScoped, "textDocument/references", binding,
                        {{"context", {{"includeDeclaration", false}}}});
  REQUIRE(uses.size() == 1);
  CHECK(uses[0]["range"]["start"] == use);
}

TEST_CASE("lsp fields: definition of a field's use is its declaration, and references list both",
          "[lsp][fields]") {
  // `route.host`: the field `host` of Route, not the constant or the loop variable `host`.
  const Json declaration = position_in(kScoped, "  host: hostname", 0, 2);
  const Json use = position_in(kScoped, "route.host", 0, 6);
  CHECK(ask(kScoped, "textDocument/definition", use)[0]["range"]["start"] == declaration);
  const Json references = ask(kScoped, "textDocument/references", declaration);
  REQUIRE(references.size() == 2);
  CHECK(references[0]["range"]["start"] == declaration);
  CHECK(references[1]["range"]["start"] == use);
  const Json uses = ask(kScoped, "textDocument/references", declaration,
                        {{"context", {{"includeDeclaration", false}}}});
  REQUIRE(uses.size() == 1);
  CHECK(uses[0]["range"]["start"] == use);
  // A nested record's field through a chain.
  CHECK(ask(kScoped, "textDocument/definition", position_in(kScoped, "egress.allowlist]", 0, 8))[0]
            ["range"]["start"] == position_in(kScoped, "  allowlist: list", 0, 2));
  CHECK(ask(kScoped, "textDocument/definition", position_in(kScoped, "bottle.egress.allowlist]", 0, 8))[0]
            ["range"]["start"] == position_in(kScoped, "  egress: Egress", 0, 2));
}

TEST_CASE("lsp fields: a record literal's key names its field") {
  const std::string text =
      "manifest bottle {\n  on: bool = false\n}\n\nrecord Mirror {\n  host: hostname\n}\n\n"
      "const M: Mirror = {host = \"a.example.com\"}\n\nset allowlist: hostname\n\n"
      "rule r {\n  allowlist += M.host\n}\n\n"
      "output pipelock {\n  mode = \"strict\"\n  api_allowlist = allowlist\n}\n";
  const Json declaration = position_in(text, "  host: hostname", 0, 2);
  CHECK(ask(text, "textDocument/definition", position_in(text, "{host =", 0, 1))[0]["range"]["start"] ==
        declaration);
  const Json references = ask(text, "textDocument/references", declaration);
  REQUIRE(references.size() == 3);
  CHECK(references[1]["range"]["start"] == position_in(text, "{host =", 0, 1));
  CHECK(references[2]["range"]["start"] == position_in(text, "M.host", 0, 2));
}

TEST_CASE("lsp fields: a field declared in an imported file, used in its importer") {
  testing::ScratchFolder folder;
  const std::string types = folder.path("types.policy");
  const std::string entry = folder.path("pipelock.policy");
  const std::string types_text = "record Route {\n  host: hostname\n}\n";
  const std::string entry_text =
      "import \"types.policy\"\n\nmanifest bottle {\n  routes: list<Route> = []\n}\n\n"
      "set allowlist: hostname\n\nrule r {\n  allowlist += [r.host for r in bottle.routes]\n}\n\n"
      "output pipelock {\n  mode = \"strict\"\n  api_allowlist = allowlist\n}\n";
  std::ofstream(types) << types_text;
  std::ofstream(entry) << entry_text;
  auto request = [&](int id, const char* method, const std::string& path, const Json& position) {
    return frame(Json{{"jsonrpc", "2.0"},
                      {"id", id},
                      {"method", method},
                      {"params",
                       {{"textDocument", {{"uri", uri_of_path(path)}}},
                        {"position", position},
                        {"context", {{"includeDeclaration", true}}}}}}
                     .dump());
  };
  const Json use = position_in(entry_text, "r.host", 0, 2);
  const Json declaration = position_in(types_text, "host:");
  auto sent = session(kInitialize + did_open(entry, entry_text) + did_open(types, types_text) +
                      request(2, "textDocument/definition", entry, use) +
                      request(3, "textDocument/references", types, declaration));
  REQUIRE(sent.size() == 6);  // the first open publishes one document, the second two
  CHECK(sent[4]["result"].dump() ==
        Json::array({{{"range", {{"start", declaration}, {"end", position_in(types_text, ": hostname")}}},
                      {"uri", uri_of_path(types)}}})
            .dump());
  REQUIRE(sent[5]["result"].size() == 2);
  CHECK(sent[5]["result"][1]["uri"] == uri_of_path(entry));
  CHECK(sent[5]["result"][1]["range"]["start"] == use);
}

TEST_CASE("lsp names: renaming a loop variable renames its binding and its uses only",
          "[lsp][scope]") {
  CHECK(renamed_at(position_in(kScoped, "for host", 0, 4)) ==
        std::vector<Json>{position_in(kScoped, "for host", 0, 4), position_in(kScoped, "[host for", 0, 1)});
}

TEST_CASE("lsp completion: after 'bottle.' in a declaration that does not parse yet, and "
          "hover beside a syntax error", "[lsp][completion][hover]") {
  CHECK(items_of(complete_with("rule q when bottle.egress.", "output")) ==
        std::vector<std::string>{"allowlist 5 list<hostname>"});
  const std::string broken = kScoped + "\nrule q when {\n";
  CHECK(ask(broken, "textDocument/hover", position_in(broken, "scan_env"))["contents"]["value"] ==
        "```policy\npipelock.dlp.scan_env: bool\n```\n\npipelock output field\n");
}
