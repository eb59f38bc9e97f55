// What text may reach a config file and how a message shows text that may not: one UTF-8
// and control-character rule for the emitter, the hostname and path rules and reports.
#pragma once
#include <string>
#include <string_view>

namespace policyc {

/// C0 controls and DEL.
inline bool is_control(char32_t c) { return c < 0x20 || c == 0x7f; }

/// What must not reach the file: C0 controls (they could break the quoting) and what
/// pipelock's yaml.v3 refuses in its input, malformed UTF-8 and C1 or non-characters.
/// nullptr when the text is clean, else what is wrong with it.
const char* text_problem(std::string_view s);

/// For messages: one line, readable, bad bytes shown as \xNN, never written.
std::string printable(const std::string& s);

}  // namespace policyc
