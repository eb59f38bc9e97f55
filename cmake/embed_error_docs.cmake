# Writes OUTPUT: docs/errors.md as a C++ string, for `policyc errors` and the lint
# suppression check, so the binary explains its codes from any directory.
file(READ ${INPUT} hex HEX)
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," bytes "${hex}")
string(LENGTH "${hex}" hex_length)
math(EXPR size "${hex_length} / 2")
set(body "// Generated from docs/errors.md; do not edit.\n#include \"compiler/error_docs.hpp\"\n\nnamespace policyc {\n\nstatic const char kErrorDocs[] = {${bytes} 0};\n\nstd::string_view embedded_error_docs() { return std::string_view(kErrorDocs, ${size}); }\n\n}  // namespace policyc\n")
file(WRITE ${OUTPUT}.tmp "${body}")
execute_process(COMMAND ${CMAKE_COMMAND} -E copy_if_different ${OUTPUT}.tmp ${OUTPUT})
