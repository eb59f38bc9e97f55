// `policyc compile --annotate`: kept apart from cmd_compile.cpp because it needs the
// policy sources after the compile (for the text of `when` conditions).
#pragma once
#include <string>

#include "cli/commands.hpp"

namespace policyc {

/// Compiles like `compile`, prints diagnostics, and writes the annotated config to
/// stdout or, with `output` set, atomically to that file. Returns the exit code.
int run_annotated_compile(const BottleOptions& bottle, const DiagnosticOptions& diagnostics,
                          const std::string& output, CommandIo& io);

}  // namespace policyc
