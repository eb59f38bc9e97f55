// Whether a change to a field's hosts() rules can be shown by the host samples the
// all-bottles diff tries (base/host_class_samples): a host is refused or taken by the set
// of classes it has, so the samples show a change only if one of their sets does.
#pragma once
#include <string>
#include <vector>

#include "ir/types.hpp"

namespace policyc {

/// A field whose hosts() rules changed in a way no sample host shows.
struct UnsampledHostRules {
  SourceRange where;  // the field in the new policy
  std::string path;   // "bottle.egress.allowlist"
};

/// The fields of both manifests whose hosts() rules refuse different classes where no
/// sample host has classes that one refuses and the other takes.
std::vector<UnsampledHostRules> unsampled_host_rules(const RecordType* old_manifest,
                                                     const RecordType* new_manifest);

}  // namespace policyc
