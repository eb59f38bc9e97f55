#include "pipeline/symdiff/host_rules.hpp"

#include <algorithm>
#include <cstdint>
#include <map>

#include "base/host_class.hpp"

namespace policyc {

namespace {

// Calls `visit(path, field)` for each field of `record` and the records inside it.
template <typename Visit>
void each_field(const RecordType& record, const std::string& prefix, Visit&& visit) {
  for (const FieldType& field : record.fields) {
    const std::string path = prefix.empty() ? field.name : prefix + "." + field.name;
    visit(path, field);
    const Type* type = field.type.get();
    std::string inner = path;
    while (type->element) {
      type = type->element.get();
      inner += "[]";
    }
    if (type->record) each_field(*type->record, inner, visit);
  }
}

using ClassSet = std::uint32_t;  // a bit per HostClass

ClassSet refused_classes(const HostRules& rules) {
  ClassSet out = 0;
  for (std::size_t i = 0; i < kHostClassCount; ++i) {
    if (rules.actions[i] == HostAction::Refuse) out |= ClassSet{1} << i;
  }
  return out;
}

}  // namespace

std::vector<UnsampledHostRules> unsampled_host_rules(const RecordType* old_manifest,
                                                     const RecordType* new_manifest) {
  std::vector<UnsampledHostRules> out;
  if (!old_manifest || !new_manifest) return out;
  std::map<std::string, ClassSet> old_refused;
  each_field(*old_manifest, "", [&](const std::string& path, const FieldType& field) {
    old_refused[path] = refused_classes(field.hosts);
  });
  std::vector<ClassSet> samples;
  for (const std::string& host : host_class_samples()) {
    ClassSet set = 0;
    for (HostClass c : classify_host(host).classes) set |= ClassSet{1} << static_cast<unsigned>(c);
    samples.push_back(set);
  }
  each_field(*new_manifest, "", [&](const std::string& path, const FieldType& field) {
    auto old_side = old_refused.find(path);
    if (old_side == old_refused.end()) return;
    const ClassSet before = old_side->second;
    const ClassSet after = refused_classes(field.hosts);
    auto differs = [&](ClassSet classes) {
      return ((classes & before) != 0) != ((classes & after) != 0);
    };
    if (before == after || std::any_of(samples.begin(), samples.end(), differs)) return;
    out.push_back({field.range, "bottle." + path});
  });
  return out;
}

}  // namespace policyc
