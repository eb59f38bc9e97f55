#include "runtime/input/yaml_tree.hpp"

#include <catch2/catch.hpp>
#include <string>

using policyc::DiagnosticSink;
using policyc::FileId;
using policyc::SourceManager;
using policyc::SourceRange;
using policyc::YamlNode;
using Kind = policyc::YamlNode::Kind;

namespace {

struct Loaded {
  Loaded(std::string name, std::string text) {
    file = sources.add(std::move(name), std::move(text));
    root = policyc::load_yaml_tree(sources, file, diags);
  }
  std::string at(const SourceRange& range) const { return sources.location(range); }
  std::string text(const SourceRange& range) const { return std::string(sources.text(range)); }
  std::string rendered() const {
    std::string out;
    for (const auto& d : diags.sorted()) out += policyc::render(d, sources);
    return out;
  }
  // The one diagnostic, as "location: message [code]".
  std::string error() const {
    REQUIRE(diags.all().size() == 1);
    const auto& d = diags.all().front();
    return at(d.range) + ": " + d.message + " [" + d.code + "]";
  }

  SourceManager sources;
  DiagnosticSink diags;
  FileId file = 0;
  std::unique_ptr<YamlNode> root;
};

const YamlNode& get(const YamlNode& map, const std::string& key) {
  REQUIRE(map.kind == Kind::Mapping);
  for (const auto& entry : map.entries) {
    if (entry.key == key) return entry.value;
  }
  FAIL("no key " << key);
  throw;
}

const YamlNode::Entry& entry(const YamlNode& map, const std::string& key) {
  for (const auto& e : map.entries) {
    if (e.key == key) return e;
  }
  FAIL("no key " << key);
  throw;
}

std::string repeat(const std::string& s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

}  // namespace

TEST_CASE("block mappings and sequences with comments", "[yaml_tree]") {
  Loaded l("bottle.yaml",
           "# An example bottle\n"
           "egress:\n"
           "  allowlist:   # hosts\n"
           "    - pypi.org\n"
           "    - files.pythonhosted.org  # mirror\n"
           "  dlp_action: block\n"
           "supervise: true\n");
  REQUIRE(l.diags.all().empty());
  REQUIRE(l.root);
  const YamlNode& root = *l.root;
  REQUIRE(root.kind == Kind::Mapping);
  REQUIRE(root.entries.size() == 2);
  CHECK(root.entries[0].key == "egress");
  CHECK(l.at(root.entries[0].key_range) == "bottle.yaml:2:1");
  const YamlNode& egress = get(root, "egress");
  CHECK(egress.kind == Kind::Mapping);
  CHECK(l.at(egress.range) == "bottle.yaml:3:3");
  const YamlNode& allow = get(egress, "allowlist");
  REQUIRE(allow.kind == Kind::Sequence);
  CHECK(l.at(allow.range) == "bottle.yaml:4:5");
  REQUIRE(allow.items.size() == 2);
  CHECK(allow.items[1].scalar == "files.pythonhosted.org");
  CHECK_FALSE(allow.items[1].quoted);
  CHECK(l.at(allow.items[1].range) == "bottle.yaml:5:7");
  CHECK(l.text(allow.items[1].range) == "files.pythonhosted.org");
  const YamlNode& dlp = get(egress, "dlp_action");
  CHECK(l.at(dlp.range) == "bottle.yaml:6:15");
  CHECK(l.text(dlp.range) == "block");
  CHECK(get(root, "supervise").scalar == "true");
}

TEST_CASE("flow collections: ranges of scalars and collections", "[yaml_tree]") {
  Loaded l("bottle.yaml",
           "routes: [{host: api.github.com, path_allowlist: [\"/repos/my-org/\"]}, x:y ]\n"
           "auth: {scheme: Bearer, token_ref: GH_PAT}\n");
  REQUIRE(l.root);
  const YamlNode& routes = get(*l.root, "routes");
  REQUIRE(routes.kind == Kind::Sequence);
  CHECK(l.text(routes.range) ==
        "[{host: api.github.com, path_allowlist: [\"/repos/my-org/\"]}, x:y ]");
  REQUIRE(routes.items.size() == 2);
  const YamlNode& route = routes.items[0];
  CHECK(l.at(route.range) == "bottle.yaml:1:10");
  CHECK(l.text(route.range) == "{host: api.github.com, path_allowlist: [\"/repos/my-org/\"]}");
  const YamlNode& host = get(route, "host");
  CHECK(l.at(host.range) == "bottle.yaml:1:17");
  CHECK(l.text(host.range) == "api.github.com");
  const YamlNode& path = get(route, "path_allowlist").items.at(0);
  CHECK(path.scalar == "/repos/my-org/");
  CHECK(path.quoted);
  CHECK(l.text(path.range) == "\"/repos/my-org/\"");
  CHECK(routes.items[1].scalar == "x:y");  // ':' not followed by a space is text
  CHECK(l.text(routes.items[1].range) == "x:y");
  const YamlNode& auth = get(*l.root, "auth");
  CHECK(l.text(entry(auth, "token_ref").key_range) == "token_ref");
  CHECK(l.text(get(auth, "token_ref").range) == "GH_PAT");
  CHECK(l.at(get(auth, "token_ref").range) == "bottle.yaml:2:35");
}

TEST_CASE("quoting: values, quoted flag and exact source text", "[yaml_tree]") {
  Loaded l("q.yaml",
           "single: 'it''s here'\n"
           "double: \"say \\\"hi\\\"\\n\"   # trailing comment\n"
           "plain: hello world  \n"
           "number: 8080\n"
           "quoted_number: '8080'\n"
           "url: http://example.com:8080/x # comment\n"
           "hash: a#b\n"
           "str_tag: !!str true\n"
           "literal: |\n"
           "  line\n");
  REQUIRE(l.diags.all().empty());
  REQUIRE(l.root);
  const YamlNode& single = get(*l.root, "single");
  CHECK(single.scalar == "it's here");
  CHECK(single.quoted);
  CHECK(l.text(single.range) == "'it''s here'");
  const YamlNode& dbl = get(*l.root, "double");
  CHECK(dbl.scalar == "say \"hi\"\n");
  CHECK(dbl.quoted);
  CHECK(l.text(dbl.range) == "\"say \\\"hi\\\"\\n\"");
  CHECK(l.at(dbl.range) == "q.yaml:2:9");
  const YamlNode& plain = get(*l.root, "plain");
  CHECK(plain.scalar == "hello world");
  CHECK_FALSE(plain.quoted);
  CHECK(l.text(plain.range) == "hello world");
  CHECK_FALSE(get(*l.root, "number").quoted);
  CHECK(get(*l.root, "quoted_number").quoted);
  CHECK(l.text(get(*l.root, "url").range) == "http://example.com:8080/x");
  CHECK(get(*l.root, "hash").scalar == "a#b");
  const YamlNode& tagged = get(*l.root, "str_tag");
  CHECK(tagged.scalar == "true");
  CHECK(tagged.quoted);
  CHECK(l.text(tagged.range) == "true");
  const YamlNode& literal = get(*l.root, "literal");
  CHECK(literal.scalar == "line\n");
  CHECK(literal.quoted);  // a block scalar is always a string
  CHECK(l.text(literal.range) == "|");
}

TEST_CASE("nulls: ~, null, empty values, and quoted null is a string", "[yaml_tree]") {
  Loaded l("n.yaml", "a: ~\nb: null\nc: NULL\nd:\ne: 'null'\nf: [~, x]\n");
  REQUIRE(l.root);
  CHECK(get(*l.root, "a").kind == Kind::Null);
  CHECK(l.text(get(*l.root, "a").range) == "~");
  CHECK(get(*l.root, "b").kind == Kind::Null);
  CHECK(l.text(get(*l.root, "b").range) == "null");
  CHECK(get(*l.root, "c").kind == Kind::Null);
  const YamlNode& empty = get(*l.root, "d");
  CHECK(empty.kind == Kind::Null);
  CHECK(l.at(empty.range) == "n.yaml:4:3");  // just after "d:"
  CHECK(get(*l.root, "e").kind == Kind::Scalar);
  CHECK(get(*l.root, "e").scalar == "null");
  CHECK(get(*l.root, "f").items.at(0).kind == Kind::Null);
}

TEST_CASE("empty documents", "[yaml_tree]") {
  for (const char* text : {"", "# only a comment\n\n", "---\n"}) {
    Loaded l("e.yaml", text);
    INFO(text);
    REQUIRE(l.diags.all().empty());
    REQUIRE(l.root);
    CHECK(l.root->kind == Kind::Null);
  }
  Loaded braces("e.yaml", "{}\n");
  REQUIRE(braces.root);
  CHECK(braces.root->kind == Kind::Mapping);
  CHECK(braces.root->entries.empty());
  CHECK(braces.text(braces.root->range) == "{}");
}

TEST_CASE("a leading '---' in a YAML file is a document start", "[yaml_tree]") {
  Loaded l("bottle.yaml", "---  \nsupervise: true\n");
  REQUIRE(l.root);
  CHECK(l.at(entry(*l.root, "supervise").key_range) == "bottle.yaml:2:1");
}

TEST_CASE("Markdown front matter: the body is ignored", "[yaml_tree]") {
  Loaded l("bottle.md",
           "---\n"
           "name: demo\n"
           "egress: {allowlist: [pypi.org]}\n"
           "---   \n"
           "# The bottle\n"
           "\n"
           "key: [unbalanced and \"not yaml\n");
  REQUIRE(l.diags.all().empty());
  REQUIRE(l.root);
  CHECK(l.root->entries.size() == 2);
  const YamlNode& name = get(*l.root, "name");
  CHECK(l.at(name.range) == "bottle.md:2:7");
  CHECK(l.text(name.range) == "demo");
  const YamlNode& host = get(get(*l.root, "egress"), "allowlist").items.at(0);
  CHECK(l.at(host.range) == "bottle.md:3:22");
  CHECK(l.text(host.range) == "pypi.org");

  Loaded dots("BOTTLE.MARKDOWN", "---\na: 1\n...\nbody\n");
  REQUIRE(dots.root);
  CHECK(get(*dots.root, "a").scalar == "1");
}

TEST_CASE("Markdown front matter errors", "[yaml_tree]") {
  Loaded open("bottle.md", "---\nname: demo\n\n# Body\n");
  CHECK_FALSE(open.root);
  CHECK(open.rendered() ==
        "bottle.md:1:1: error: front matter starting here is not terminated; add a line '---' "
        "after the YAML [E0301]\n"
        "---\n"
        "^~~\n");

  Loaded none("bottle.md", "# Bottle\n\nname: demo\n");
  CHECK_FALSE(none.root);
  CHECK(none.error() ==
        "bottle.md:1:1: Markdown manifest has no YAML front matter; start the file with a line "
        "'---' [E0301]");

  Loaded bad("bottle.md", "---\nname: demo\nlist: [a\n---\nbody\n");
  CHECK_FALSE(bad.root);
  REQUIRE(bad.diags.all().size() == 1);
  CHECK(bad.diags.all()[0].message == "invalid YAML: end of sequence flow not found");
  // yaml-cpp stops at the end of the text it was given: the closing line.
  CHECK(bad.at(bad.diags.all()[0].range) == "bottle.md:4:1");
}

TEST_CASE("a UTF-8 BOM is skipped and offsets stay exact", "[yaml_tree]") {
  Loaded l("bom.yaml",
           "\xEF\xBB\xBF"
           "a: x\nb: 'y'\n");
  REQUIRE(l.diags.all().empty());
  REQUIRE(l.root);
  CHECK(entry(*l.root, "a").key_range.begin == 3);
  CHECK(l.text(get(*l.root, "a").range) == "x");
  CHECK(l.at(get(*l.root, "b").range) == "bom.yaml:2:4");
  CHECK(l.text(get(*l.root, "b").range) == "'y'");

  Loaded md("bom.md", "\xEF\xBB\xBF---\r\nname: demo\r\n---\r\n");
  REQUIRE(md.root);
  CHECK(md.at(get(*md.root, "name").range) == "bom.md:2:7");
}

TEST_CASE("CRLF line endings", "[yaml_tree]") {
  Loaded l("crlf.yaml", "a: one\r\nb: \"two\"\r\nc:\r\n  - three  \r\nd: [x, y]\r\n");
  REQUIRE(l.diags.all().empty());
  REQUIRE(l.root);
  CHECK(get(*l.root, "a").scalar == "one");
  CHECK(l.text(get(*l.root, "a").range) == "one");
  CHECK(l.text(get(*l.root, "b").range) == "\"two\"");
  const YamlNode& three = get(*l.root, "c").items.at(0);
  CHECK(three.scalar == "three");
  CHECK(l.text(three.range) == "three");
  CHECK(l.at(three.range) == "crlf.yaml:4:5");
  CHECK(l.at(get(*l.root, "d").items.at(1).range) == "crlf.yaml:5:8");

  Loaded md("crlf.md", "---\r\nname: demo\r\n---\r\nbody\r\n");
  REQUIRE(md.root);
  CHECK(md.text(get(*md.root, "name").range) == "demo");
}

TEST_CASE("duplicate keys: error at the second, note at the first", "[yaml_tree]") {
  Loaded l("bottle.yaml",
           "egress:\n"
           "  allowlist: [a.com]\n"
           "  dlp_action: block\n"
           "  allowlist: [b.com]\n");
  CHECK_FALSE(l.root);
  CHECK(l.rendered() ==
        "bottle.yaml:4:3: error: duplicate key 'allowlist' [E0302]\n"
        "  allowlist: [b.com]\n"
        "  ^~~~~~~~~\n"
        "bottle.yaml:2:3: note: first defined here\n"
        "  allowlist: [a.com]\n"
        "  ^~~~~~~~~\n");

  Loaded flow("f.yaml", "{a: 1, 'a': 2}\n");  // quoting does not make a different key
  REQUIRE(flow.diags.all().size() == 1);
  CHECK(flow.diags.all()[0].message == "duplicate key 'a'");
  CHECK(flow.at(flow.diags.all()[0].range) == "f.yaml:1:8");
}

TEST_CASE("unsupported YAML features", "[yaml_tree]") {
  CHECK(Loaded("m.yaml", "base: &b {x: 1}\nderived:\n  <<: *b\n  y: 2\n").error() ==
        "m.yaml:3:3: YAML merge keys ('<<') are not supported; write the keys out [E0303]");
  CHECK(Loaded("t.yaml", "port: !port 80\n").error() ==
        "t.yaml:1:7: YAML tag '!port' is not supported here; remove it (only a scalar may be "
        "tagged, and only !!str) [E0303]");
  CHECK(Loaded("t.yaml", "a: !!int 80\n").error() ==
        "t.yaml:1:4: YAML tag '!!int' is not supported here; remove it (only a scalar may be "
        "tagged, and only !!str) [E0303]");
  CHECK(Loaded("k.yaml", "? [a, b]\n: c\n").error() ==
        "k.yaml:1:3: mapping keys must be plain strings [E0303]");
  CHECK(Loaded("k.yaml", "{a: 1, {b: 2}: 3}\n").error() ==
        "k.yaml:1:8: mapping keys must be plain strings [E0303]");
  CHECK(Loaded("k.yaml", "a: 1\n~: 2\n").error() ==
        "k.yaml:2:1: mapping keys must be plain strings [E0303]");
  // A quoted "<<" is an ordinary key.
  Loaded quoted("q.yaml", "'<<': 1\n");
  REQUIRE(quoted.root);
  CHECK(quoted.root->entries.at(0).key == "<<");
}

TEST_CASE("aliases are expanded as copies of the anchored node", "[yaml_tree]") {
  Loaded l("a.yaml",
           "auth: &gh {scheme: Bearer, token_ref: GH_PAT}\n"
           "routes:\n"
           "  - host: api.github.com\n"
           "    auth: *gh\n"
           "  - host: &h uploads.github.com\n"
           "    auth: *gh\n"
           "hosts: [*h]\n");
  REQUIRE(l.diags.all().empty());
  REQUIRE(l.root);
  const YamlNode& routes = get(*l.root, "routes");
  REQUIRE(routes.items.size() == 2);
  for (const YamlNode& route : routes.items) {
    const YamlNode& auth = get(route, "auth");
    REQUIRE(auth.kind == Kind::Mapping);
    CHECK(get(auth, "token_ref").scalar == "GH_PAT");
    // Positions are those of the anchored original.
    CHECK(l.at(auth.range) == "a.yaml:1:11");
    CHECK(l.at(get(auth, "token_ref").range) == "a.yaml:1:39");
  }
  const YamlNode& host = get(*l.root, "hosts").items.at(0);
  CHECK(host.scalar == "uploads.github.com");
  CHECK(l.text(host.range) == "uploads.github.com");
}

TEST_CASE("alias errors", "[yaml_tree]") {
  CHECK(Loaded("a.yaml", "a: *nowhere\n").error() ==
        "a.yaml:1:4: invalid YAML: the referenced anchor is not defined [E0301]");
  CHECK(Loaded("a.yaml", "a: &x [1, *x]\n").error() ==
        "a.yaml:1:11: a YAML alias cannot refer to the node that contains it [E0303]");
}

// Stopping at the limit is what keeps a bomb cheap; its cost is measured in bench/, not
// with a clock here (shared CI machines are too noisy for timed tests).
TEST_CASE("an alias bomb stops at the expansion limit", "[yaml_tree]") {
  std::string text =
      "a: &a [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", "
      "\"lol\", \"lol\"]\n";
  for (char c = 'b'; c <= 'i'; ++c) {
    std::string prev(1, static_cast<char>(c - 1));
    text +=
        std::string(1, c) + ": &" + c + " [" + repeat("*" + prev + ", ", 9) + "*" + prev + "]\n";
  }
  Loaded l("bomb.yaml", text);
  CHECK_FALSE(l.root);
  CHECK(l.error() ==
        "bomb.yaml:5:36: YAML aliases expand to more than 100000 nodes (limit); remove the "
        "aliases [E0303]");
}

TEST_CASE("nesting deeper than 256 levels is an error, not a crash", "[yaml_tree]") {
  Loaded ok("d.yaml", repeat("[", 256) + repeat("]", 256));
  CHECK(ok.diags.all().empty());
  CHECK(ok.root);

  Loaded over("d.yaml", repeat("[", 257) + repeat("]", 257));
  CHECK_FALSE(over.root);
  CHECK(over.error() == "d.yaml:1:257: YAML nesting is deeper than 256 levels (limit) [E0301]");

  for (const std::string& unit : {std::string("["), std::string("{a: "), std::string("- ")}) {
    Loaded deep("deep.yaml", repeat(unit, 100000) + "x\n");
    INFO(unit);
    CHECK_FALSE(deep.root);
    REQUIRE(deep.diags.all().size() == 1);
    CHECK(deep.diags.all()[0].message == "YAML nesting is deeper than 256 levels (limit)");
  }

  std::string indented;
  for (int i = 0; i < 300; ++i) indented += std::string(i, ' ') + "a:\n";
  CHECK(Loaded("i.yaml", indented).error() ==
        "i.yaml:257:257: YAML nesting is deeper than 256 levels (limit) [E0301]");

  // Aliases count too: 200 + 100 levels.
  CHECK(Loaded("a.yaml", "a: &a " + repeat("[", 200) + repeat("]", 200) +
                             "\nb: " + repeat("[", 100) + "*a" + repeat("]", 100) + "\n")
            .error() == "a.yaml:2:104: YAML nesting is deeper than 256 levels (limit) [E0301]");
}

TEST_CASE("malformed YAML is reported at yaml-cpp's position", "[yaml_tree]") {
  Loaded l("bad.yaml", "egress:\n  allowlist: [a.com\n  dlp_action: block\n");
  CHECK_FALSE(l.root);
  REQUIRE(l.diags.all().size() == 1);
  CHECK(l.diags.all()[0].code == "E0301");
  CHECK(l.diags.all()[0].message == "invalid YAML: end of sequence flow not found");

  CHECK(Loaded("b.yaml", "a: b: c\n").error() ==
        "b.yaml:1:5: invalid YAML: illegal map value [E0301]");
  CHECK(Loaded("b.yaml", "a: 1\n b: 2\n").error() ==
        "b.yaml:2:3: invalid YAML: illegal map value [E0301]");
  // yaml-cpp reads these without complaint; they are still wrong.
  CHECK(Loaded("b.yaml", "a: 1\nenabled\n").error() ==
        "b.yaml:2:1: invalid YAML: expected ':' after the mapping key 'enabled' [E0301]");
  CHECK(Loaded("b.yaml", "a: \"open\n").error() ==
        "b.yaml:1:4: invalid YAML: quoted scalar is not terminated [E0301]");
  // Errors before a syntax error are not trusted: an unclosed '[' looks like a key here.
  CHECK(Loaded("b.yaml", "[[1]\n").error() ==
        "b.yaml:2:1: invalid YAML: end of sequence flow not found [E0301]");
}

// yaml-cpp reports an unclosed bracket where it gave up, often lines later or at the end.
TEST_CASE("an unclosed flow sequence or mapping gets a note at its opening bracket", "[yaml_tree]") {
  auto note_of = [](const Loaded& l) {
    REQUIRE(l.diags.all().size() == 1);
    REQUIRE(l.diags.all()[0].notes.size() == 1);
    const policyc::DiagnosticNote& note = l.diags.all()[0].notes[0];
    return l.at(note.range) + ": " + l.text(note.range) + ": " + note.message;
  };
  Loaded sequence("b.yaml", "egress:\n  allowlist: [a.com, b.com\n");
  CHECK(sequence.error() == "b.yaml:3:1: invalid YAML: end of sequence flow not found [E0301]");
  CHECK(note_of(sequence) ==
        "b.yaml:2:14: [: the '[' opened here is never closed; add ']' after its last item");

  Loaded mapping("b.yaml", "egress: {allowlist: [a.com]\nsupervise: true\n");
  CHECK(note_of(mapping) ==
        "b.yaml:1:9: {: the '{' opened here is never closed; add '}' after its last entry");

  // The innermost one left open, not the one closed inside it.
  CHECK(note_of(Loaded("b.yaml", "a: [1, [2], [3\n")) ==
        "b.yaml:1:13: [: the '[' opened here is never closed; add ']' after its last item");
  // Positions count the Markdown lines before the front matter.
  CHECK(note_of(Loaded("bottle.md", "---\nname: demo\nlist: [a\n---\nbody\n")) ==
        "bottle.md:3:7: [: the '[' opened here is never closed; add ']' after its last item");
  // Other syntax errors get no such note.
  CHECK(Loaded("b.yaml", "a: b: c\n").diags.all()[0].notes.empty());
}

TEST_CASE("encoding errors and size limit", "[yaml_tree]") {
  CHECK(Loaded("nul.yaml", std::string("a: 1\nb: x\0y\n", 12)).error() ==
        "nul.yaml:2:5: manifest contains a NUL byte [E0301]");
  CHECK(Loaded("utf.yaml", "a: caf\xC3\xA9\nb: caf\xE9\n").error() ==
        "utf.yaml:2:7: manifest is not valid UTF-8 [E0301]");
  CHECK(Loaded("utf.yaml", "a: \xED\xA0\x80\n").error() ==  // a UTF-16 surrogate
        "utf.yaml:1:4: manifest is not valid UTF-8 [E0301]");
  // Only the front matter of a Markdown file needs to be YAML text.
  Loaded md("ok.md", std::string("---\na: 1\n---\nbinary \xFF\0 body\n", 27));
  CHECK(md.diags.all().empty());
  CHECK(md.root);

  Loaded big("big.yaml", "a: \"" + std::string(16u << 20, 'x') + "\"\n");
  CHECK(big.error() == "big.yaml:1:1: manifest is larger than 16 MiB (limit) [E0301]");
}

TEST_CASE("a manifest holds one document", "[yaml_tree]") {
  Loaded l("two.yaml", "---\na: 1\n---\nb: 2\n");
  CHECK_FALSE(l.root);
  CHECK(l.rendered() ==
        "two.yaml:3:1: error: a manifest holds one YAML document; remove the second document "
        "[E0303]\n"
        "---\n"
        "^~~\n");
  CHECK(Loaded("two.yaml", "a: 1\n...\nb: 2\n").error() ==
        "two.yaml:3:1: a manifest holds one YAML document; remove the second document [E0303]");
  Loaded end("one.yaml", "a: 1\n...\n# trailing comment\n");
  CHECK(end.root);
}

TEST_CASE("front matter fences: trailing blanks and a CR close it, other text does not", "[yaml_tree]") {
  Loaded blanks("bottle.md", "--- \t\r\nname: demo\n---  \n# Body\n");
  REQUIRE(blanks.root);
  CHECK(get(*blanks.root, "name").scalar == "demo");
  Loaded word("bottle.md", "---\nname: demo\n---x\n");
  CHECK_FALSE(word.root);
  CHECK(word.error() ==
        "bottle.md:1:1: front matter starting here is not terminated; add a line '---' after "
        "the YAML [E0301]");
  Loaded closing_last("bottle.md", "---\nname: demo\n---");
  REQUIRE(closing_last.root);
  CHECK(get(*closing_last.root, "name").scalar == "demo");
}

TEST_CASE("a tab in the indentation is named even after comments and blank lines", "[yaml_tree]") {
  CHECK(Loaded("t.yaml", "a:\n  # note\n\n\t b: 1\n").error() ==
        "t.yaml:4:1: invalid YAML: this line is indented with a tab; YAML indents with spaces "
        "only [E0301]");
}

TEST_CASE("a lone CR line break is named, at the end of the text too", "[yaml_tree]") {
  CHECK(Loaded("cr.yaml", "a: 1\rb: 2\r").error() ==
        "cr.yaml:1:5: manifest breaks lines with a carriage return (CR) alone; save it with LF "
        "(or CRLF) line endings [E0301]");
}

TEST_CASE("aliases of a long string stop at the expansion byte limit", "[yaml_tree]") {
  std::string text = "a: &a \"" + std::string(1 << 20, 'x') + "\"\nb: [" + repeat("*a, ", 20) + "*a]\n";
  CHECK(Loaded("bytes.yaml", text).error() ==
        "bytes.yaml:2:69: YAML aliases expand to more than 16 MiB of text (limit); remove the "
        "aliases [E0303]");
}

TEST_CASE("tags: a non-specific '!' makes a string and !!str on a list is refused", "[yaml_tree]") {
  Loaded bang("t.yaml", "a: ! 12\n");
  REQUIRE(bang.root);
  CHECK(get(*bang.root, "a").quoted);
  CHECK(Loaded("t.yaml", "a: !!str [x]\n").error() ==
        "t.yaml:1:4: YAML tag '!!str' is not supported here; remove it (only a scalar may be "
        "tagged, and only !!str) [E0303]");
}
