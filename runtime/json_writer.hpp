// A small streaming JSON writer for reports (`explain --format json`, `diff --format
// json`): two-space indentation, keys in the order written, one newline at the end.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace policyc {

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
