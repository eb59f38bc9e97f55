// Why a value of the all-bottles diff is in one side's config, in the policy's own
// words: the rule or output item that wrote it, quoted from the policy with the
// conditions it sits under, and the input it was read from.
#pragma once
#include <string>

#include "ir/output.hpp"
#include "ir/program.hpp"

namespace policyc {

struct ChangeReason {
  std::string location;  // file:line of the rule's statement or the output item; "" if none
  std::string rule;      // "rule supervise_sidecar when bottle.supervise: allowlist += ..."
  std::string from;      // "bottle.egress_proxy.routes[].host" when read from the bottle
  // What counterpart() looks for on the other side: the rule and its statement, or the
  // output item's key path.
  std::string rule_name;
  std::size_t statement = 0;
  std::string target;  // the set the statement adds to
  std::string item_path;
  bool gives_nothing = false;  // counterpart(): the construct did not give the value here
};

/// The reason `value` (its rendered text; "" for a section) is at `path` of `output`.
ChangeReason reason_for(const ir::Program& program, const SourceManager& sources,
                        const OutputDocument& output, FileId manifest_file,
                        const std::string& path, const std::string& value);

/// When one side has no value where the other has `other`: this program's rule of the
/// same name and statement, which did not add it here, or else its rule that writes
/// `value` into the same set under another condition; empty when it has neither.
ChangeReason counterpart(const ir::Program& program, const SourceManager& sources,
                         const ChangeReason& other, const std::string& value);

}  // namespace policyc
