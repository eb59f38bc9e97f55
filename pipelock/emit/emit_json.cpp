#include "pipelock/emit/emit_json.hpp"

#include "base/json_writer.hpp"
#include "pipelock/emit/emit_scalars.hpp"

namespace policyc {

namespace {

using Kind = Value::Kind;

Json list_json(const Value& list) {
  Json out = Json::array();
  out.get_ref<Json::array_t&>().reserve(list.items.size());
  for (const Value& item : list.items) out.push_back(config_value_json(item));
  return out;
}

// A record's or map's written fields; null ones are left out, as in the YAML.
Json record_json(const Value& record) {
  Json out = Json::object();
  for (const auto& [key, value] : record.fields) {
    if (!value.is_null()) out[key] = config_value_json(value);
  }
  return out;
}

}  // namespace

Json config_value_json(const Value& v) {
  switch (v.kind) {
    case Kind::Bool:
      return v.boolean;
    case Kind::Int:
      return v.integer;
    case Kind::String:
      return v.string.view();
    case Kind::List:
      return list_json(v);
    case Kind::Record:
      return record_json(v);
    default:
      return nullptr;  // validation refuses these; the structure must survive anyway
  }
}

namespace {

Json object_json(const std::vector<OutputNode>& nodes, bool in_section) {
  Json out = Json::object();
  for (const OutputNode& n : nodes) {
    if (in_section && omitted_in_section(n)) continue;
    if (n.is_section) {
      out[n.key] = object_json(n.children, true);
    } else {
      out[n.key] = config_value_json(n.value());
    }
  }
  return out;
}

}  // namespace

std::string render_json(const OutputDocument& document) {
  return json_text(object_json(document, false), 2) + "\n";
}

}  // namespace policyc
