// What pipelock 2.3.0 refuses in one scalar of a field it knows: a negative timeout, an
// int or enum outside its set, text it cannot read, a duration that is not positive, a
// pattern Go's regexp package does not compile. One rule for the rendered output and for
// the literals `policyc check` sees.
#pragma once
#include <cstdint>
#include <string>

#include "pipelock/schema/output_schema.hpp"

namespace policyc {

/// What pipelock refuses in the int `value` of field `f` at `path`, or "".
std::string pipelock_int_problem(const TargetField& f, const std::string& path, std::int64_t value);

/// What pipelock refuses in the string `text` of field `f` at `path`, or "".
std::string pipelock_text_problem(const TargetField& f, const std::string& path,
                                  const std::string& text);

}  // namespace policyc
