// JSON text for reports (`explain --format json`, `diff --format json`) and the config
// emitter: the one string quoting rule, and a small streaming writer with two-space
// indentation, keys in the order written, one newline at the end.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace policyc {

/// `s` as a JSON string literal (RFC 8259): `"` and `\` escaped, every control
/// character escaped, U+2028 and U+2029 escaped too so the text is safe inside
/// JavaScript; everything else, UTF-8 included, is written as it is.
std::string json_quote(const std::string& s);

class JsonWriter {
 public:
  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array();
  JsonWriter& end_array();
  /// The key of the next value; only inside an object.
  JsonWriter& key(std::string_view name);
  JsonWriter& value(std::string_view text);
  JsonWriter& value(const char* text) { return value(std::string_view(text)); }
  JsonWriter& boolean(bool flag);
  JsonWriter& number(std::int64_t number);
  JsonWriter& null();

  /// The document; complete once every object and array has been closed.
  std::string str() const { return out_ + "\n"; }

 private:
  void before_value();
  void open(char bracket);
  void close(char bracket);

  std::string out_;
  std::vector<bool> has_items_;  // per open container
  bool after_key_ = false;
};

}  // namespace policyc
