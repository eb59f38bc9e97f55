#include "pipeline/symdiff/policy_diff_report.hpp"

#include <fmt/format.h>

#include "base/source_excerpt.hpp"
#include "pipelock/diff/config_diff_report.hpp"

namespace policyc {

namespace {

std::string witness_text(const PolicyChange& c) {
  std::string out = printable_text(c.witness_bottle);
  for (const std::string& param : c.witness_params) out += " --param " + printable_text(param);
  return out;
}

std::string reason_text(const ChangeReason& reason) {
  if (reason.rule.empty() && reason.location.empty()) return "-";
  std::string out = printable_text(reason.location) + "  " + printable_text(reason.rule);
  if (reason.gives_nothing) {
    out += reason.rule_name.empty() ? "  (not written for the witness)" : "  (adds nothing for the witness)";
  }
  return reason.from.empty() ? out : out + "; from " + printable_text(reason.from);
}

// The other values of the same bottle field that differ the same way.
std::string also_text(const PolicyChange& c) {
  std::string out;
  for (const ConfigChange& other : c.same_for) {
    out += (out.empty() ? "the same for " : ", ") + printable_text(values_text(other));
  }
  return out;
}

Json reason_json(const ChangeReason& reason) {
  return {{"location", reason.location}, {"rule", reason.rule}, {"from", reason.from},
          {"gives_value", !reason.gives_nothing && !reason.rule.empty()}};
}

std::string counts_text(const PolicyDiff& diff) {
  std::size_t wider = diff.undecided.size(), narrower = 0;
  for (const PolicyChange& c : diff.changes) {
    wider += c.change.direction == ConfigChange::Direction::Wider;
    narrower += c.change.direction == ConfigChange::Direction::Narrower;
  }
  return fmt::format("{} wider, {} narrower, {} undecided", wider, narrower, diff.undecided.size());
}

}  // namespace

std::string policy_diff_text(const PolicyDiff& diff) {
  std::string out = fmt::format(
      "all bottles: {} bottles and parameter sets of the small scope compiled under both policies\n",
      diff.candidates);
  for (const PolicyChange& c : diff.changes) {
    out += change_text(c.change) + "\n";
    if (!c.same_for.empty()) out += "    " + also_text(c) + "\n";
    out += fmt::format("    {}\n", printable_text(c.condition));
    out += "    old: " + reason_text(c.old_reason) + "\n";
    out += "    new: " + reason_text(c.new_reason) + "\n";
    out += fmt::format("    witness: {}\n", witness_text(c));
  }
  for (const UndecidedPlace& place : diff.undecided) {
    out += fmt::format("undecided: {}: {}  [counted wider]\n", printable_text(place.location),
                       place.what);
  }
  return out + fmt::format("verdict: {} ({})\n", verdict_name(diff.verdict), counts_text(diff));
}

std::string policy_diff_json(const PolicyDiff& diff) {
  Json report;
  report["verdict"] = verdict_name(diff.verdict);
  report["candidates"] = diff.candidates;
  report["changes"] = Json::array();
  for (const PolicyChange& c : diff.changes) {
    Json change = change_json(c.change);
    change["condition"] = c.condition;
    change["old_reason"] = reason_json(c.old_reason);
    change["new_reason"] = reason_json(c.new_reason);
    change["same_for"] = Json::array();
    for (const ConfigChange& other : c.same_for) change["same_for"].push_back(change_json(other));
    change["witness"] = {{"bottle", c.witness_bottle}, {"params", c.witness_params}};
    report["changes"].push_back(std::move(change));
  }
  report["undecided"] = Json::array();
  for (const UndecidedPlace& place : diff.undecided) {
    report["undecided"].push_back({{"location", place.location}, {"what", place.what}});
  }
  return json_text(report, 2) + "\n";
}

}  // namespace policyc
