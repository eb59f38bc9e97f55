// Internationalized domain names through libidn2: IDNA2008 with UTS #46 non-transitional
// processing, the conversion browsers and resolvers apply before a name reaches pipelock.
#pragma once
#include <optional>
#include <string>

namespace policyc {

/// The ASCII form of hostname `name` (UTF-8): every label mapped by UTS #46 (lowercase,
/// NFC; `ß` stays `ß`), a label with a non-ASCII character written as its A-label
/// (`bücher.example` -> `xn--bcher-kva.example`) and an `xn--` label checked as IDNA2008
/// requires. Nothing when libidn2 refuses the name; `why`, when given, then holds its
/// reason ("string contains a disallowed character").
std::optional<std::string> to_a_label(const std::string& name, std::string* why = nullptr);

/// The Unicode form of `name`: each `xn--` label decoded to its U-label, after the checks
/// of to_a_label (so `xn--BCHER-KVA` gives `bücher`); nothing when libidn2 refuses it.
std::optional<std::string> to_u_label(const std::string& name, std::string* why = nullptr);

}  // namespace policyc
