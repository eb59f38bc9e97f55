#include "ir/value.hpp"

namespace policyc {

const Value* Value::field(const std::string& name) const {
  for (const auto& [key, value] : fields) {
    if (key == name) return &value;
  }
  return nullptr;
}

bool Value::equals(const Value& other) const {
  if (kind != other.kind) return false;
  switch (kind) {
    case Kind::Null:
      return true;
    case Kind::Bool:
      return boolean == other.boolean;
    case Kind::Int:
      return integer == other.integer;
    case Kind::String:
      return string == other.string;
    case Kind::List:
      if (items.size() != other.items.size()) return false;
      for (std::size_t i = 0; i < items.size(); ++i) {
        if (!items[i].equals(other.items[i])) return false;
      }
      return true;
    case Kind::Record:
      if (fields.size() != other.fields.size()) return false;
      for (std::size_t i = 0; i < fields.size(); ++i) {
        if (fields[i].first != other.fields[i].first) return false;
        if (!fields[i].second.equals(other.fields[i].second)) return false;
      }
      return true;
  }
  return false;
}

}  // namespace policyc
