// The evaluator: rules, sets, expressions, output sections, and provenance.
#include <catch2/catch.hpp>

#include "ir/evaluate.hpp"
#include "runtime/input/manifest_reader.hpp"
#include "runtime/input/params_reader.hpp"
#include "runtime/input/yaml_tree.hpp"
#include "tests/policy_test_support.hpp"

using namespace policyc;

namespace {

struct Evaluated {
  std::unique_ptr<testing::CheckedPolicy> policy;
  Evaluation result;
};

// Checks `policy` and evaluates it against `manifest_yaml` and `params`.
Evaluated evaluate(const std::string& policy, const std::string& manifest_yaml,
                   const std::vector<std::string>& params = {},
                   std::uint64_t max_steps = policyc::kMaxEvaluationSteps) {
  Evaluated out;
  out.policy = testing::check_files({{"main.policy", policy}});
  REQUIRE(out.policy->rendered() == "");
  auto& checked = *out.policy;
  FileId file = checked.sources.add("bottle.yaml", manifest_yaml);
  auto tree = load_yaml_tree(checked.sources, file, checked.diags);
  REQUIRE(tree != nullptr);
  Value manifest = read_manifest(*tree, *checked.program->manifest, checked.sources, checked.diags);
  auto ranges = add_command_line_source(checked.sources, params);
  Value param_values = read_params(ranges, *checked.program->params, checked.sources, checked.diags);
  REQUIRE(checked.rendered() == "");
  out.result = evaluate_program(*checked.program, manifest, param_values, checked.diags, max_steps);
  return out;
}

std::vector<std::string> strings_of(const Value& list) {
  std::vector<std::string> out;
  for (const Value& item : list.items) out.push_back(item.string.str());
  return out;
}

const OutputNode* find_node(const OutputDocument& document, const std::string& key) {
  for (const OutputNode& node : document) {
    if (node.key == key) return &node;
  }
  return nullptr;
}

const std::string kRoutesPolicy = R"(
manifest bottle {
  hosts: list<hostname?> = []
  routes: list<Route> = []
  flag: bool = false
}
record Route {
  host: hostname
  tag: string?
}
params { extra: list<hostname> = [] }
const DEFAULTS: list<hostname> = ["b.example", "a.example"]
set allowlist: hostname
set tagged: string
rule defaults { allowlist += DEFAULTS }
rule user when bottle.hosts != [] { allowlist += [h for h in bottle.hosts if present(h)] }
rule routes { allowlist += [r.host for r in bottle.routes] }
rule tags { tagged += [r.tag for r in bottle.routes if present(r.tag)] }
rule launch { allowlist += params.extra }
output pipelock {
  mode = "strict"
  api_allowlist = allowlist
  enforce when all(r in bottle.routes: present(r.tag)) = true
  explain_blocks = bottle.flag
  seed_phrase_detection when any(r in bottle.routes: r.host == "c.example") {
    enabled = false
  }
  forward_proxy when "z.example" in allowlist and not bottle.flag {
    enabled = true
  }
}
)";

}  // namespace

TEST_CASE("evaluate: a set is the union of every rule, sorted by bytes, each element once") {
  auto e = evaluate(kRoutesPolicy, "hosts: [z.example, A.example, '', ~]\nroutes: [{host: b.example}]\n",
                    {"extra=y.example"});
  CHECK(strings_of(e.result.sets[0]) ==
        std::vector<std::string>{"a.example", "b.example", "y.example", "z.example"});
  CHECK(e.result.sets[1].items.empty());
}

TEST_CASE("evaluate: every rule and input that added an element is kept as its provenance") {
  auto e = evaluate(kRoutesPolicy, "hosts: [b.example]\nroutes: [{host: b.example}]\n");
  const Value& b = e.result.sets[0].items[1];
  REQUIRE(b.string == "b.example");
  std::vector<std::string> rules;
  std::vector<std::string> inputs;
  for (const Provenance& origin : b.origins) {
    rules.push_back(origin.rule.str());
    inputs.push_back(origin.input_path.str());
  }
  CHECK(rules == std::vector<std::string>{"defaults", "DEFAULTS", "user", "", "routes", ""});
  CHECK(inputs == std::vector<std::string>{"", "", "hosts[0]", "hosts[0]", "routes[0].host",
                                           "routes[0].host"});
  CHECK(e.policy->sources.location(b.origins[0].rule_range) == "main.policy:15:30");
  CHECK(e.policy->sources.location(b.origins[2].input_range) == "bottle.yaml:1:9");
  CHECK(e.policy->sources.location(b.origins[4].input_range) == "bottle.yaml:2:17");
}

TEST_CASE("evaluate: sections and keys appear only when their condition holds") {
  auto with = evaluate(kRoutesPolicy, "routes: [{host: c.example, tag: x}]\nhosts: [z.example]\n");
  CHECK(find_node(with.result.output, "enforce") != nullptr);
  CHECK(find_node(with.result.output, "seed_phrase_detection") != nullptr);
  CHECK(find_node(with.result.output, "forward_proxy") != nullptr);
  CHECK(strings_of(with.result.sets[1]) == std::vector<std::string>{"x"});

  auto without = evaluate(kRoutesPolicy, "routes: [{host: d.example}, {host: c.example, tag: x}]\nflag: true\n");
  CHECK(find_node(without.result.output, "enforce") == nullptr);
  CHECK(find_node(without.result.output, "seed_phrase_detection") != nullptr);
  CHECK(find_node(without.result.output, "forward_proxy") == nullptr);
  REQUIRE(find_node(without.result.output, "explain_blocks") != nullptr);
  CHECK(find_node(without.result.output, "explain_blocks")->value().boolean);
}

TEST_CASE("evaluate: all() over an empty list holds, any() does not") {
  auto e = evaluate(kRoutesPolicy, "{}\n");
  CHECK(find_node(e.result.output, "enforce") != nullptr);
  CHECK(find_node(e.result.output, "seed_phrase_detection") == nullptr);
}

TEST_CASE("evaluate: an absent value leaves its key out of the output") {
  const std::string policy = R"(
manifest bottle { path: path? }
set allowlist: hostname
rule r { allowlist += "a.example" }
output pipelock {
  api_allowlist = allowlist
  tls_interception { ca_cert = bottle.path }
}
)";
  auto absent = evaluate(policy, "{}\n");
  REQUIRE(find_node(absent.result.output, "tls_interception") != nullptr);
  CHECK(find_node(absent.result.output, "tls_interception")->children.empty());
  auto given = evaluate(policy, "path: /etc/ca.pem\n");
  CHECK(find_node(given.result.output, "tls_interception")->children.at(0).value().string ==
        "/etc/ca.pem");
}

TEST_CASE("evaluate: sorted() orders by bytes and + joins lists") {
  const std::string policy = R"(
manifest bottle { }
const WORDS: list<string> = sorted(["b", "B", "a"] + ["_"])
set allowlist: string
rule r { allowlist += WORDS }
output pipelock { mode = "strict" }
)";
  auto e = evaluate(policy, "{}\n");
  CHECK(strings_of(e.policy->program->constants[0].value) ==
        std::vector<std::string>{"B", "_", "a", "b"});
}

TEST_CASE("evaluate: a call runs the function the checker resolved, and an unresolved one is null") {
  ir::Program program;
  ast::Expr call;
  call.kind = ast::Expr::Kind::Call;
  call.text = "sorted";
  auto list = std::make_unique<ast::Expr>();
  list->kind = ast::Expr::Kind::List;
  for (const char* word : {"b", "a"}) {
    auto item = std::make_unique<ast::Expr>();
    item->text = word;
    list->operands.push_back(std::move(item));
  }
  call.operands.push_back(std::move(list));
  EvalEnv env{program, nullptr, nullptr, nullptr, {}, {}, nullptr};
  CHECK(evaluate_expr(call, env).is_null());  // never a sort by default
  call.builtin = ast::Builtin::Sorted;
  CHECK(strings_of(evaluate_expr(call, env)) == std::vector<std::string>{"a", "b"});
  call.builtin = ast::Builtin::Len;
  CHECK(evaluate_expr(call, env).integer == 2);
  call.builtin = ast::Builtin::Present;
  CHECK(evaluate_expr(call, env).boolean);
}

namespace {

const std::string kNestedLoopsPolicy = R"(
manifest bottle {
  hosts: list<hostname> = []
  routes: list<Route> = []
}
record Route { host: hostname }
set allowlist: hostname
rule shared { allowlist += [a for a in bottle.hosts if any(b in bottle.hosts: b == "x.example")] }
rule copies { allowlist += [a for a in bottle.hosts if len(bottle.routes + bottle.routes) != 0] }
output pipelock { api_allowlist = allowlist }
)";

// A manifest of `n` hosts and `n` routes.
std::string hosts_and_routes(int n) {
  std::string hosts = "hosts: [", routes = "routes: [";
  for (int i = 0; i < n; ++i) {
    hosts += (i ? ", h" : "h") + std::to_string(i) + ".example";
    routes += (i ? ", {host: r" : "{host: r") + std::to_string(i) + ".example}";
  }
  return hosts + "]\n" + routes + "]\n";
}

}  // namespace

TEST_CASE("evaluate: steps count loop elements, 'in' and '==' elements and copied nodes") {
  // Per host, rule shared: the element, then 4 inner elements with an '==' each (2 steps
  // each): 9. Rule copies: the element, two copies of the 4 routes (the list, 4 records,
  // 4 fields: 9 nodes each), the '!=' and the kept host copied: 21. 4 x 30 = 120.
  // Pinned, so that a change in the counting shows here.
  auto e = evaluate(kNestedLoopsPolicy, hosts_and_routes(4));
  CHECK(e.policy->rendered().empty());
  CHECK(e.result.steps == 120);
  // Exactly enough steps is enough; one fewer is not.
  CHECK(evaluate(kNestedLoopsPolicy, hosts_and_routes(4), {}, 120).policy->rendered().empty());
  CHECK_FALSE(evaluate(kNestedLoopsPolicy, hosts_and_routes(4), {}, 119).policy->rendered().empty());
}

TEST_CASE("evaluate: loops nested over manifest lists run out of steps, reported where") {
  auto e = evaluate(kNestedLoopsPolicy, hosts_and_routes(40), {}, 1000);
  CHECK(e.policy->rendered() ==
        R"(main.policy:8:79: error: evaluating the policy for this bottle takes more than 1000 steps (limit) [E0811]
rule shared { allowlist += [a for a in bottle.hosts if any(b in bottle.hosts: b == "x.example")] }
                                                                              ^~~~~~~~~~~~~~~~
main.policy:8:56: note: inside this loop
rule shared { allowlist += [a for a in bottle.hosts if any(b in bottle.hosts: b == "x.example")] }
                                                       ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
main.policy:8:28: note: inside this loop
rule shared { allowlist += [a for a in bottle.hosts if any(b in bottle.hosts: b == "x.example")] }
                           ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
policyc: note: a loop inside a loop, or 'in' inside a loop, does work that grows with the product of the lists' lengths; loop over each list once where you can
)");
  // Copying a large value inside a loop is paid for too: here rule shared fits, copies not.
  auto copies = evaluate(kNestedLoopsPolicy, hosts_and_routes(40), {}, 40 * 81 + 2000);
  REQUIRE(copies.policy->diags.all().size() == 1);
  CHECK(copies.policy->sources.location(copies.policy->diags.all()[0].range) == "main.policy:9:60");
}

TEST_CASE("evaluate: a constant that loops too long is an error of the policy") {
  std::string list;
  for (int i = 0; i < 100; ++i) list += (i ? ", " : "") + std::to_string(i);
  auto checked = testing::check_files({{"main.policy", testing::with_skeleton(
      "const L = [" + list + "]\n"
      "const ALL = all(a in L: all(b in L: all(c in L: all(d in L: d in L))))\n")}});
  CHECK(checked->program == nullptr);
  // 100^5 steps are asked for; the step that runs out happens to be an element of the
  // second loop, so one loop is around it.
  CHECK(checked->rendered() ==
        R"(main.policy:11:25: error: evaluating constant 'ALL' takes more than 100000000 steps (limit) [E0811]
const ALL = all(a in L: all(b in L: all(c in L: all(d in L: d in L))))
                        ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
main.policy:11:13: note: inside this loop
const ALL = all(a in L: all(b in L: all(c in L: all(d in L: d in L))))
            ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
policyc: note: a loop inside a loop, or 'in' inside a loop, does work that grows with the product of the lists' lengths; loop over each list once where you can
)");
}

TEST_CASE("Value::equals: records compare name and value of each field, not provenance") {
  auto record = [](std::vector<std::pair<std::string, Value>> fields) {
    Value r = Value::of_record();
    r.fields = std::move(fields);
    return r;
  };
  Value host = Value::of_string(SharedText("a.example"));
  Value traced = host;
  traced.origins.push_back({SharedText("rule"), {}, SharedText("routes[0].host"), {}});
  CHECK(record({{"host", host}}).equals(record({{"host", traced}})));
  CHECK_FALSE(record({{"host", host}}).equals(record({{"name", host}})));
  CHECK_FALSE(record({{"host", host}}).equals(record({{"host", Value::of_string(SharedText("b"))}})));
  CHECK_FALSE(record({{"host", host}}).equals(record({{"host", host}, {"tag", Value::null()}})));
  CHECK_FALSE(record({}).equals(Value::of_list({})));
}
