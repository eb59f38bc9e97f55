// Hostname and CIDR rules: what a hostname in a policy, manifest or parameter may be,
// and what pipelock 2.3.0 accepts in `ssrf.ip_allowlist`.
#pragma once
#include <optional>
#include <string>
#include <vector>

namespace policyc {

struct InputProblem {
  std::string message;     // complete sentence fragment, e.g. "hostname contains a port ':8080'"
  std::string suggestion;  // replacement to offer ("did you mean"), may be empty
  std::size_t offset = 0;  // byte offset of the offending part inside the input
  std::size_t length = 0;  // its length in bytes (0: the whole input)
};

/// Lowercases `text` into `normalized` and returns nothing, or the first problem:
/// scheme, port, path, whitespace, quote, control character, empty label, label over
/// 63 bytes, name over 253 bytes, a character outside [a-z0-9-_.*], a `*` other than a
/// leading `*.` followed by at least two labels, a label starting or ending with '-'.
/// A non-ASCII name is refused at its first non-ASCII character with its A-labels
/// (to_a_label, libidn2) as the suggestion, or with libidn2's reason when it has none.
std::optional<InputProblem> check_hostname(const std::string& text, std::string& normalized);

/// A CIDR as pipelock 2.3.0 requires in `ssrf.ip_allowlist`: IPv4 or IPv6 address,
/// '/', prefix length in range, not /0, no host bits set. A bare IP is a problem with
/// the suggestion "<ip>/32" (or "/128"); host bits set suggests the network address.
/// On success `canonical` holds the text as pipelock would print it.
std::optional<InputProblem> check_cidr(const std::string& text, std::string& canonical);

/// The entries of `cidrs` whose union is every address of a family, IPv4 or IPv6: as
/// broad as a /0 that check_cidr refuses (`0.0.0.0/1` + `128.0.0.0/1`). Returns the
/// indices of that family's entries (IPv4 first when both are covered) and sets `family`
/// to "IPv4" or "IPv6"; empty when no family is covered. Entries that are not valid
/// CIDRs are ignored.
std::vector<std::size_t> cidrs_covering_a_family(const std::vector<std::string>& cidrs,
                                                 std::string& family);

/// The message for a list that covers a whole family: "'a', 'b' together cover every
/// IPv4 address, like 0.0.0.0/0, and would disable SSRF protection".
std::string covering_cidrs_message(const std::vector<std::string>& cidrs,
                                   const std::vector<std::size_t>& covering,
                                   const std::string& family);

/// A filesystem path for the launch parameters: non-empty, no control characters,
/// no newline; returns the problem or nothing.
std::optional<InputProblem> check_path(const std::string& text);

}  // namespace policyc
