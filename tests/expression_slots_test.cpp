// The one enumeration of expression slots (ir/expression_slots.hpp) reaches every place
// a policy writes an expression, in source order within each kind of declaration.
#include "ir/expression_slots.hpp"

#include <catch2/catch.hpp>

#include "policy_test_support.hpp"

using policyc::ExprPlace;
using policyc::testing::check_files;

namespace {

const char* place_name(ExprPlace place) {
  switch (place) {
    case ExprPlace::Constant:
      return "constant";
    case ExprPlace::Let:
      return "let";
    case ExprPlace::Default:
      return "default";
    case ExprPlace::RuleCondition:
      return "rule condition";
    case ExprPlace::AddValue:
      return "add";
    case ExprPlace::OutputCondition:
      return "output condition";
    case ExprPlace::OutputValue:
      return "output value";
  }
  return "?";
}

}  // namespace

TEST_CASE("every expression slot of a policy file is visited once, nulls included") {
  auto checked = check_files({{"main.policy", R"(const LIMIT: int = 3
let ON = bottle.on
record Host {
  name: hostname = "a.example"
}
manifest bottle {
  hosts: list<hostname> = []
  on: bool = false
}
params {
  extra: list<hostname> = ["b.example"]
}
set allowlist: hostname
rule always {
  allowlist += "c.example"
}
rule when_on when ON {
  allowlist += bottle.hosts
  allowlist += params.extra
}
output pipelock {
  mode = "strict"
  api_allowlist = allowlist
  dlp when bottle.on {
    scan_env = true
  }
}
)"}});
  REQUIRE(checked->program);
  std::vector<std::string> seen;
  const policyc::ast::PolicyFile& file = checked->program->files.at(0);
  policyc::for_each_expression_slot(
      file, [&](const std::unique_ptr<policyc::ast::Expr>& slot, ExprPlace place) {
        seen.push_back(std::string(place_name(place)) + (slot ? "" : " (none)"));
      });
  CHECK(seen == std::vector<std::string>{
                    "constant", "let", "default", "default", "default", "default", "rule condition (none)",
                    "add", "rule condition", "add", "add", "output condition (none)",
                    "output value", "output condition (none)", "output value", "output condition",
                    "output value (none)", "output condition (none)", "output value"});
}
