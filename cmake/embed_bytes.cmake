# Writes OUTPUT: the bytes of INPUT as a C++ function `std::string_view FUNCTION()`,
# declared in HEADER; ORIGIN names what INPUT was made from, for the reader of OUTPUT.
# OUTPUT is rewritten only when it changes, so an unchanged input rebuilds nothing.
file(READ ${INPUT} hex HEX)
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," bytes "${hex}")
string(LENGTH "${hex}" hex_length)
math(EXPR size "${hex_length} / 2")
set(body "// Generated from ${ORIGIN}; do not edit.\n#include \"${HEADER}\"\n\nnamespace policyc {\n\nstatic const char kBytes[] = {${bytes} 0};\n\nstd::string_view ${FUNCTION}() { return std::string_view(kBytes, ${size}); }\n\n}  // namespace policyc\n")
file(WRITE ${OUTPUT}.tmp "${body}")
execute_process(COMMAND ${CMAKE_COMMAND} -E copy_if_different ${OUTPUT}.tmp ${OUTPUT})
