#include "pipelock/schema/field_rules.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <vector>

#include "base/text_rules.hpp"
#include "base/value_prefix.hpp"
#include "pipelock/schema/go_duration.hpp"
#include "pipelock/schema/go_regexp.hpp"

namespace policyc {

namespace {

bool contains(const std::vector<std::string>& items, const std::string& item) {
  return std::find(items.begin(), items.end(), item) != items.end();
}

// The fields pipelock wants above zero; 0 still means "use the default" there.
bool must_not_be_negative(const std::string& path) {
  static const std::vector<std::string> paths = {
      "forward_proxy.max_tunnel_seconds", "forward_proxy.idle_timeout_seconds",
      "tls_interception.cert_cache_size", "tls_interception.max_response_bytes",
      "request_body_scanning.max_body_bytes"};
  return contains(paths, path);
}

}  // namespace

std::string pipelock_int_problem(const TargetField& f, const std::string& path,
                                 std::int64_t value) {
  if (f.type != TargetField::Type::Int) return "";
  if (!f.enum_values.empty() && !contains(f.enum_values, std::to_string(value))) {
    return fmt::format("pipelock 2.3.0 refuses {} {}: expected one of {}", path, value,
                       fmt::join(f.enum_values, ", "));
  }
  if (value < 0 && must_not_be_negative(path)) {
    return fmt::format("pipelock 2.3.0 refuses {} {}: it must be positive", path, value);
  }
  return "";
}

std::string pipelock_text_problem(const TargetField& f, const std::string& path,
                                  const std::string& text) {
  if (f.type == TargetField::Type::Enum && !contains(f.enum_values, text)) {
    return fmt::format("pipelock 2.3.0 refuses {} '{}': expected one of {}", path,
                       printable(value_prefix(text)), fmt::join(f.enum_values, ", "));
  }
  if (f.type == TargetField::Type::String && text_problem(text)) {
    return fmt::format("pipelock field '{}' contains {}: '{}'", path, text_problem(text),
                       printable(value_prefix(text)));
  }
  if (f.text == TargetField::Text::Duration && !text.empty() && !is_positive_go_duration(text)) {
    return fmt::format(
        "pipelock 2.3.0 refuses {} '{}': expected a positive duration such as 24h or 90m", path,
        value_prefix(text));
  }
  if (f.text == TargetField::Text::Regexp && !text.empty()) {
    if (std::string problem = go_regexp_error(text); !problem.empty()) {
      return fmt::format("pipelock 2.3.0 refuses {} '{}': it is not a valid Go regexp: {}", path,
                         printable(value_prefix(text)), problem);
    }
  }
  return "";
}

}  // namespace policyc
