// JSON text for reports (`explain --format json`, `diff --format json`), diagnostics and
// the config emitter: documents are built as nlohmann::ordered_json (keys in the order
// they are set) and written by json_text, the one escaping rule.
#pragma once
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace policyc {

using Json = nlohmann::ordered_json;

/// `value` as JSON text: on one line when `indent` is negative, else `indent` spaces per
/// level. Strings follow RFC 8259 as nlohmann writes them (`"`, `\` and every control
/// character escaped, UTF-8 as it is) with three additions: invalid UTF-8 becomes U+FFFD
/// (JSON text must be valid UTF-8), DEL is written \u007f, and U+2028 and U+2029 are
/// escaped so the text is safe inside JavaScript too.
std::string json_text(const Json& value, int indent);

/// `s` as a JSON string literal, quotes included, by the same rule.
std::string json_quote(std::string_view s);

}  // namespace policyc
