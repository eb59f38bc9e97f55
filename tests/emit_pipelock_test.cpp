// The pipelock emitter: byte equality with claude-bottle's renderer, escaping, the
// parse-back check, and every refusal of pipelock 2.3.0 the validator reports.
#include <catch2/catch.hpp>

#include "pipelock/emit/validate_output.hpp"
#include "pipelock/emit/render_yaml.hpp"
#include "pipelock/emit/verify_rendered.hpp"
#include "pipelock/schema/output_schema.hpp"

using namespace policyc;

namespace {

SourceRange at(std::uint32_t offset) { return SourceRange{0, offset, offset + 1}; }

OutputNode scalar(std::string key, Value value, std::uint32_t offset = 0) {
  OutputNode n;
  n.key = std::move(key);
  n.set_value(std::move(value));
  n.origin = at(offset);
  return n;
}

OutputNode str(std::string key, std::string value, std::uint32_t offset = 0) {
  return scalar(std::move(key), Value::of_string(std::move(value)), offset);
}

OutputNode flag(std::string key, bool value, std::uint32_t offset = 0) {
  return scalar(std::move(key), Value::of_bool(value), offset);
}

OutputNode list(std::string key, const std::vector<std::string>& items, std::uint32_t offset = 0) {
  std::vector<Value> values;
  for (const std::string& item : items) values.push_back(Value::of_string(item));
  return scalar(std::move(key), Value::of_list(std::move(values)), offset);
}

OutputNode section(std::string key, std::vector<OutputNode> children, std::uint32_t offset = 0) {
  OutputNode n = scalar(std::move(key), Value::null(), offset);
  n.is_section = true;
  n.children = std::move(children);
  return n;
}

// What the evaluator does: every node knows its schema entry (null for unknown keys).
void bind(std::vector<OutputNode>& nodes, const TargetField& schema) {
  for (OutputNode& n : nodes) {
    n.field = find_target_field(schema, n.key);
    if (n.field && n.is_section) bind(n.children, *n.field);
  }
}

OutputDocument bound(OutputDocument document) {
  bind(document, pipelock_schema());
  return document;
}

const std::vector<std::string> kDefaults = {
    "api.anthropic.com",   "claude.ai", "downloads.claude.ai",  "platform.claude.com",
    "raw.githubusercontent.com", "sentry.io", "statsig.anthropic.com"};

OutputDocument header(std::vector<std::string> allowlist) {
  return {scalar("version", Value::of_int(1)), str("mode", "strict"), flag("enforce", true),
          list("api_allowlist", allowlist)};
}

OutputDocument empty_bottle() {
  OutputDocument doc = header(kDefaults);
  doc.push_back(section("forward_proxy", {flag("enabled", true)}));
  doc.push_back(section("dlp", {flag("include_defaults", true), flag("scan_env", true)}));
  doc.push_back(section("request_body_scanning", {str("action", "block")}));
  return bound(doc);
}

// Positions in full_bottle().
constexpr std::size_t kTls = 8;
constexpr std::size_t kSsrf = 9;

OutputDocument full_bottle() {
  std::vector<std::string> hosts = kDefaults;
  hosts.push_back("supervise");
  OutputDocument doc = header(hosts);
  doc.push_back(section("seed_phrase_detection", {flag("enabled", false)}));
  doc.push_back(section("forward_proxy", {flag("enabled", true)}));
  doc.push_back(section("dlp", {flag("include_defaults", true), flag("scan_env", true)}));
  doc.push_back(section("request_body_scanning", {str("action", "block")}));
  doc.push_back(section("tls_interception",
                        {flag("enabled", true), str("ca_cert", "/etc/pipelock/ca.pem"),
                         str("ca_key", "/etc/pipelock/ca-key.pem"),
                         list("passthrough_domains", {"api.anthropic.com"})}));
  doc.push_back(section("ssrf", {list("ip_allowlist", {"172.20.0.0/16"})}));
  return bound(doc);
}

const std::string kHeader =
    "version: 1\n"
    "mode: strict\n"
    "enforce: true\n"
    "\n"
    "api_allowlist:\n"
    "  - \"api.anthropic.com\"\n"
    "  - \"claude.ai\"\n"
    "  - \"downloads.claude.ai\"\n"
    "  - \"platform.claude.com\"\n"
    "  - \"raw.githubusercontent.com\"\n"
    "  - \"sentry.io\"\n"
    "  - \"statsig.anthropic.com\"\n";

const std::string kMiddle =
    "forward_proxy:\n"
    "  enabled: true\n"
    "\n"
    "dlp:\n"
    "  include_defaults: true\n"
    "  scan_env: true\n"
    "\n"
    "request_body_scanning:\n"
    "  action: \"block\"\n";

// Validates `document` and returns the messages, in report order.
std::vector<Diagnostic> problems(const OutputDocument& document) {
  DiagnosticSink diags;
  bool clean = validate_pipelock_output(document, diags);
  CHECK(clean == diags.all().empty());
  for (const Diagnostic& d : diags.all()) CHECK(d.code == "E0501");
  return diags.all();
}

std::string only_message(const OutputDocument& document) {
  std::vector<Diagnostic> found = problems(document);
  REQUIRE(found.size() == 1);
  return found[0].message;
}

// The empty bottle with one more top-level node, or one node replaced.
OutputDocument with(OutputNode node) {
  OutputDocument doc = empty_bottle();
  for (OutputNode& n : doc) {
    if (n.key == node.key) {
      n = node;
      return bound(doc);
    }
  }
  doc.push_back(std::move(node));
  return bound(doc);
}

}  // namespace

TEST_CASE("pipelock schema: top-level order, types and lookups", "[emit]") {
  // Every top-level key of pipelock's config, in pipelock's order.
  const std::vector<std::string> names = target_field_names(pipelock_schema());
  CHECK(names.size() == 56);
  CHECK(std::vector<std::string>(names.begin(), names.begin() + 7) ==
        std::vector<std::string>{"version", "mode", "enforce", "explain_blocks", "api_allowlist",
                                 "suppress", "fetch_proxy"});
  CHECK(names.back() == "ssrf");
  const TargetField* mode = find_target_field(pipelock_schema(), "mode");
  REQUIRE(mode);
  CHECK(mode->bare);
  CHECK(mode->enum_values == std::vector<std::string>{"strict", "balanced", "audit"});
  const TargetField* rbs = find_target_field(pipelock_schema(), "request_body_scanning");
  REQUIRE(rbs);
  const TargetField* action = find_target_field(*rbs, "action");
  REQUIRE(action);
  CHECK_FALSE(action->bare);
  CHECK(find_target_field(*rbs, "nope") == nullptr);
  CHECK(target_type_name(*find_target_field(pipelock_schema(), "internal")) == "list of CIDRs");
  CHECK(target_type_name(*find_target_field(pipelock_schema(), "api_allowlist")) ==
        "list of hostnames");
  CHECK(target_type_name(*rbs) == "section");
  const TargetField* dlp = find_target_field(pipelock_schema(), "dlp");
  REQUIRE(dlp);
  const TargetField* patterns = find_target_field(*dlp, "patterns");
  REQUIRE(patterns);
  CHECK(target_type_name(*patterns) == "list of records");
  REQUIRE(patterns->element);
  const TargetField* regex = find_target_field(*patterns->element, "regex");
  REQUIRE(regex);
  CHECK(regex->required);
  CHECK(regex->text == TargetField::Text::Regexp);
  CHECK(find_target_field(*patterns->element, "validator")->enum_values ==
        std::vector<std::string>{"luhn", "mod97", "aba", "wif"});
  const TargetField* tools = find_target_field(pipelock_schema(), "tool_chain_detection");
  CHECK(target_type_name(*find_target_field(*tools, "tool_categories")) ==
        "map of lists of strings");
}

TEST_CASE("render: claude-bottle's empty bottle, byte for byte", "[emit]") {
  OutputDocument doc = empty_bottle();
  std::string yaml = render_pipelock_yaml(doc);
  CHECK(yaml == kHeader + "\n" + kMiddle);
  CHECK(verify_rendered_yaml(doc, yaml).empty());
  CHECK(problems(doc).empty());
}

TEST_CASE("render: claude-bottle's full bottle, byte for byte", "[emit]") {
  OutputDocument doc = full_bottle();
  std::string yaml = render_pipelock_yaml(doc);
  CHECK(yaml == kHeader +
                    "  - \"supervise\"\n"
                    "\n"
                    "seed_phrase_detection:\n"
                    "  enabled: false\n"
                    "\n" +
                    kMiddle +
                    "\n"
                    "tls_interception:\n"
                    "  enabled: true\n"
                    "  ca_cert: \"/etc/pipelock/ca.pem\"\n"
                    "  ca_key: \"/etc/pipelock/ca-key.pem\"\n"
                    "  passthrough_domains:\n"
                    "    - \"api.anthropic.com\"\n"
                    "\n"
                    "ssrf:\n"
                    "  ip_allowlist:\n"
                    "    - \"172.20.0.0/16\"\n");
  CHECK(verify_rendered_yaml(doc, yaml).empty());
  CHECK(problems(doc).empty());
}

TEST_CASE("render: quotes and backslashes are escaped, control bytes cannot break out",
          "[emit]") {
  OutputDocument doc = full_bottle();
  doc[kTls].children[1].set_value(Value::of_string("C:\\pki\\\"ca\".pem"));
  std::string yaml = render_pipelock_yaml(doc);
  CHECK(yaml.find("  ca_cert: \"C:\\\\pki\\\\\\\"ca\\\".pem\"\n") != std::string::npos);
  CHECK(verify_rendered_yaml(doc, yaml).empty());

  // The attack the reference allows: a newline that would switch enforce off.
  doc[3].own_value().items[0] = Value::of_string("x.com\"\nenforce: false\n\x7f");
  yaml = render_pipelock_yaml(doc);
  CHECK(yaml.find("  - \"x.com\\\"\\x0aenforce: false\\x0a\\x7f\"\n") != std::string::npos);
  CHECK(verify_rendered_yaml(doc, yaml).empty());
}

TEST_CASE("render: empty lists, empty sections, blank lines around blocks", "[emit]") {
  OutputDocument doc = full_bottle();
  doc[kTls].children[3].own_value().items.clear();  // passthrough_domains
  doc[kSsrf].children[0].own_value().items.clear();  // ssrf.ip_allowlist
  std::string yaml = render_pipelock_yaml(doc);
  CHECK(yaml.find("passthrough_domains") == std::string::npos);
  CHECK_THAT(yaml, Catch::EndsWith("  ca_key: \"/etc/pipelock/ca-key.pem\"\n\nssrf: {}\n"));
  CHECK(verify_rendered_yaml(doc, yaml).empty());

  OutputDocument top = bound({scalar("version", Value::of_int(1)), list("trusted_domains", {}),
                              flag("explain_blocks", false), str("mode", "audit")});
  yaml = render_pipelock_yaml(top);
  CHECK(yaml == "version: 1\n\ntrusted_domains: []\n\nexplain_blocks: false\nmode: audit\n");
  CHECK(verify_rendered_yaml(top, yaml).empty());
  CHECK(render_pipelock_yaml({}) == "{}\n");
  CHECK(verify_rendered_yaml({}, "{}\n").empty());
}

TEST_CASE("render: a bare value that YAML would misread is quoted after all", "[emit]") {
  OutputDocument doc = with(str("mode", "strict # or not"));
  std::string yaml = render_pipelock_yaml(doc);
  CHECK(yaml.find("mode: \"strict # or not\"\n") != std::string::npos);
  CHECK(verify_rendered_yaml(doc, yaml).empty());
}

TEST_CASE("verify: any difference from the document is found", "[emit]") {
  OutputDocument doc = empty_bottle();
  std::string yaml = render_pipelock_yaml(doc);
  auto tamper = [&](const std::string& from, const std::string& to) {
    std::string text = yaml;
    REQUIRE(text.find(from) != std::string::npos);
    return verify_rendered_yaml(doc, text.replace(text.find(from), from.size(), to));
  };
  CHECK(tamper("enforce: true", "enforce: false") == "key 'enforce': expected true, got false");
  CHECK(tamper("enforce: true", "enforce: \"true\"") ==
        "key 'enforce': expected true, got \"true\"");
  CHECK(tamper("\"block\"", "\"warn\"") ==
        "key 'request_body_scanning.action': expected \"block\", got \"warn\"");
  CHECK(tamper("  - \"sentry.io\"\n", "") == "key 'api_allowlist': expected 7 items, got 6");
  CHECK(tamper("scan_env", "scan_envs") ==
        "expected key 'dlp.scan_env', got 'dlp.scan_envs'");
  CHECK(tamper("  action: \"block\"\n", "  action: \"block\"\n---\nenforce: false\n") ==
        "expected one YAML document, got 2");
  CHECK(tamper("version: 1\n", "") == "expected key 'version', got 'mode'");
  CHECK(!tamper("mode: strict", "mode: [strict").empty());
  CHECK(verify_rendered_yaml(doc, yaml + "extra: 1\n") ==
        "the top level: unexpected key 'extra'");
}

TEST_CASE("validate: kinds and enumerations", "[emit]") {
  CHECK(only_message(with(str("enforce", "yes"))) ==
        "pipelock field 'enforce' expects a bool, got a string");
  CHECK(only_message(with(flag("dlp", true))) ==
        "pipelock field 'dlp' expects a section, got a bool");
  CHECK(only_message(with(section("enforce", {}))) ==
        "pipelock field 'enforce' expects a bool, got a section");
  CHECK(only_message(with(scalar("mode", Value::of_int(1)))) ==
        "pipelock field 'mode' expects one of strict, balanced, audit, got an int");
  CHECK(only_message(with(str("mode", "strictest"))) ==
        "pipelock 2.3.0 refuses mode 'strictest': expected one of strict, balanced, audit");
  CHECK(only_message(with(section("request_body_scanning", {str("action", "strip")}))) ==
        "pipelock 2.3.0 refuses request_body_scanning.action 'strip': expected one of warn, "
        "block");
  CHECK(problems(with(section("request_body_scanning", {flag("enabled", true)}))).empty());
  CHECK(only_message(with(section("seed_phrase_detection",
                                  {scalar("min_words", Value::of_int(13))}))) ==
        "pipelock 2.3.0 refuses seed_phrase_detection.min_words 13: expected one of 12, 15, "
        "18, 21, 24");
  CHECK(problems(with(section("seed_phrase_detection", {scalar("min_words", Value::of_int(24))})))
            .empty());
  CHECK(only_message(with(section("forward_proxy",
                                  {scalar("max_tunnel_seconds", Value::of_int(-5))}))) ==
        "pipelock 2.3.0 refuses forward_proxy.max_tunnel_seconds -5: it must be positive");
  CHECK(only_message(with(scalar("api_allowlist", Value::of_list({Value::of_int(3)})))) ==
        "pipelock field 'api_allowlist[0]' expects a string, got an int");
}

TEST_CASE("validate: strict mode needs an allowlist", "[emit]") {
  OutputDocument empty = with(list("api_allowlist", {}, 40));
  std::vector<Diagnostic> found = problems(empty);
  REQUIRE(found.size() == 1);
  CHECK(found[0].message ==
        "pipelock 2.3.0 refuses strict mode with an empty api_allowlist; allow at least one "
        "host");
  CHECK(found[0].range.begin == 40);
  OutputDocument absent = empty_bottle();
  absent.erase(absent.begin() + 3);
  absent[1].origin = at(12);
  found = problems(absent);
  REQUIRE(found.size() == 1);
  CHECK(found[0].range.begin == 12);
  CHECK(problems(bound({str("mode", "balanced")})).empty());
}

TEST_CASE("validate: hostnames and CIDRs", "[emit]") {
  CHECK(only_message(with(list("api_allowlist", {"a.com", ""}))) ==
        "empty hostname in api_allowlist");
  CHECK(only_message(with(list("api_allowlist", {"a .com"}))) ==
        "hostname 'a .com' in api_allowlist contains whitespace");
  CHECK(only_message(with(list("api_allowlist", {"a\".com"}))) ==
        "hostname 'a\".com' in api_allowlist contains a quote");
  CHECK(only_message(with(list("api_allowlist", {"a\n.com"}))) ==
        "hostname 'a\\x0a.com' in api_allowlist contains a control character");
  // pipelock's YAML parser refuses the whole file over these, yaml-cpp would not notice.
  CHECK(only_message(with(list("api_allowlist", {"b\xc3.com"}))) ==
        "hostname 'b\\xc3.com' in api_allowlist contains invalid UTF-8");
  CHECK(only_message(with(list("api_allowlist", {"b\xc2\x85.com"}))) ==
        "hostname 'b\\xc2\\x85.com' in api_allowlist contains a control character");
  CHECK(problems(with(list("api_allowlist", {"b\xc3\xbc.com"}))).empty());
  CHECK(only_message(with(list("trusted_domains", {"*.com"}))) ==
        "pipelock 2.3.0 refuses '*.com' in trusted_domains: a wildcard must target a concrete "
        "domain like *.example.com");
  CHECK(only_message(with(list("trusted_domains", {"a.com:443"}))) ==
        "pipelock 2.3.0 refuses 'a.com:443' in trusted_domains: use a hostname pattern, not a "
        "URL or host:port");
  CHECK(problems(with(list("trusted_domains", {"*.example.com", "internal.local."}))).empty());

  auto ssrf = [](const std::string& cidr) {
    return with(section("ssrf", {list("ip_allowlist", {cidr})}));
  };
  std::vector<Diagnostic> found = problems(ssrf("10.0.0.5"));
  REQUIRE(found.size() == 1);
  CHECK(found[0].message ==
        "invalid CIDR in ssrf.ip_allowlist: '10.0.0.5' is an IP address, not a CIDR; did you "
        "mean '10.0.0.5/32'?");
  CHECK(found[0].suggestion == "10.0.0.5/32");
  CHECK(only_message(ssrf("10.0.0.5/24")) ==
        "invalid CIDR in ssrf.ip_allowlist: '10.0.0.5/24' has host bits set; did you mean "
        "'10.0.0.0/24'?");
  CHECK(only_message(ssrf("0.0.0.0/0")) ==
        "invalid CIDR in ssrf.ip_allowlist: '0.0.0.0/0' is a catch-all (/0) and would disable "
        "SSRF protection");
  CHECK(problems(ssrf("fd00::/8")).empty());
  CHECK(problems(with(list("internal", {"0.0.0.0/0", "10.0.0.0/8"}))).empty());

  // An entry read from the manifest points there too.
  OutputDocument doc = with(list("api_allowlist", {"a b"}));
  doc[3].own_value().items[0].origins.push_back({"DEFAULTS", at(1), "egress.allowlist[0]", at(77)});
  found = problems(doc);
  REQUIRE(found.size() == 1);
  REQUIRE(found[0].notes.size() == 1);
  CHECK(found[0].notes[0].message == "the entry comes from here");
  CHECK(found[0].notes[0].range.begin == 77);
}

TEST_CASE("validate: tls_interception needs both CA paths", "[emit]") {
  OutputDocument doc = full_bottle();
  doc[kTls].origin = at(90);
  doc[kTls].children.erase(doc[kTls].children.begin() + 2);  // ca_key
  doc[kTls].children[1].set_value(Value::of_string(""));
  doc[kTls].children[1].origin = at(91);
  std::vector<Diagnostic> found = problems(doc);
  REQUIRE(found.size() == 2);
  CHECK(found[0].message ==
        "tls_interception is enabled with an empty ca_cert; set both ca_cert and ca_key");
  CHECK(found[0].range.begin == 91);
  CHECK(found[1].message ==
        "tls_interception is enabled without ca_key; set both ca_cert and ca_key");
  CHECK(found[1].range.begin == 90);
  doc[kTls].children[0].set_value(Value::of_bool(false));
  CHECK(problems(doc).empty());

  doc = full_bottle();
  doc[kTls].children[1].set_value(Value::of_string("/etc/ca\n.pem"));
  CHECK(only_message(doc) ==
        "pipelock field 'tls_interception.ca_cert' contains a control character: "
        "'/etc/ca\\x0a.pem'");
  doc = full_bottle();
  doc[kTls].children.push_back(str("cert_ttl", "24"));
  CHECK(only_message(bound(doc)) ==
        "pipelock 2.3.0 refuses tls_interception.cert_ttl '24': expected a positive duration "
        "such as 24h or 90m");
  doc[kTls].children.back().set_value(Value::of_string("1h30.5m"));
  CHECK(problems(bound(doc)).empty());
  doc[kTls].children.back().set_value(Value::of_string("0s"));
  CHECK(problems(bound(doc)).size() == 1);
}

TEST_CASE("validate: duplicate and unknown keys", "[emit]") {
  OutputDocument doc = empty_bottle();
  doc[5].children[0].origin = at(50);
  doc[5].children.push_back(flag("include_defaults", false, 60));
  std::vector<Diagnostic> found = problems(bound(doc));
  REQUIRE(found.size() == 1);
  CHECK(found[0].message == "key 'dlp.include_defaults' is set twice");
  CHECK(found[0].range.begin == 60);
  REQUIRE(found[0].notes.size() == 1);
  CHECK(found[0].notes[0].message == "first set here");
  CHECK(found[0].notes[0].range.begin == 50);

  found = problems(with(flag("enforcee", true)));
  REQUIRE(found.size() == 1);
  CHECK(found[0].message ==
        "pipelock 2.3.0 has no top-level field 'enforcee'; did you mean 'enforce'?");
  CHECK(found[0].suggestion == "enforce");
  found = problems(with(section("dlp", {flag("scan_envs", true)})));
  REQUIRE(found.size() == 1);
  CHECK(found[0].message ==
        "pipelock 2.3.0 has no field 'scan_envs' in 'dlp'; did you mean 'scan_env'?");
  CHECK(only_message(with(flag("colour", true))) ==
        "pipelock 2.3.0 has no top-level field 'colour'");
}

TEST_CASE("validate: reports only its own errors as the result", "[emit]") {
  DiagnosticSink diags;
  diags.error("E0001", at(0), "earlier problem");
  CHECK(validate_pipelock_output(empty_bottle(), diags));
  CHECK_FALSE(validate_pipelock_output(with(str("mode", "x")), diags));
}
