#include "cli/output_format.hpp"

#include "pipelock/emit/emit_json.hpp"
#include "pipeline/allowlist_summary.hpp"

namespace policyc {

namespace {

// The hosts `allowlist_summary` counts: every item of the top-level api_allowlist.
std::vector<Value> allowlist_hosts(const OutputDocument& output) {
  std::vector<Value> hosts;
  for (const OutputNode& node : output) {
    if (node.key != "api_allowlist" || node.value().kind != Value::Kind::List) continue;
    for (const Value& item : node.value().items) hosts.push_back(Value::of_string(item.string));
  }
  return hosts;
}

OutputNode json_field(std::string key, Value value) {
  OutputNode node;
  node.key = std::move(key);
  node.set_value(std::move(value));
  return node;
}

}  // namespace

void add_format_option(CLI::App& command, std::string& format,
                       const std::vector<std::string>& formats) {
  format = formats.front();
  std::string description = "output format: " + formats.front() + " (default)";
  for (std::size_t i = 1; i < formats.size(); ++i) {
    description += (i + 1 == formats.size() ? " or " : ", ") + formats[i];
  }
  command.add_option("--format", format, description)->check(CLI::IsMember(formats));
}

std::string config_text(const Compiled& compiled, const std::string& format) {
  return format == "json" ? render_json(compiled.evaluation.output) : compiled.yaml;
}

std::string summary_text(const Compiled& compiled, const std::string& format) {
  const std::string line = allowlist_summary(compiled.evaluation.output);
  if (format != "json") return line + "\n";
  std::vector<Value> hosts = allowlist_hosts(compiled.evaluation.output);
  const auto count = static_cast<std::int64_t>(hosts.size());
  return render_json({json_field("count", Value::of_int(count)),
                      json_field("hosts", Value::of_list(std::move(hosts))),
                      json_field("summary", Value::of_string(line))});
}

}  // namespace policyc
