// JSON-RPC messages over a byte stream, framed as the Language Server Protocol frames
// them: header lines ("Content-Length: N"), a blank line, N bytes of JSON.
#pragma once
#include <cstddef>
#include <istream>
#include <ostream>
#include <string>

namespace policyc::lsp {

/// A header line longer than this is not a header: the client is not speaking LSP.
constexpr std::size_t kMaxHeaderLineBytes = 1024;
/// A message body larger than this is skipped unread (a policy is at most 16 MiB).
constexpr std::size_t kMaxMessageBytes = 64u << 20;

struct Framed {
  enum class Status { Message, End, Malformed };
  Status status = Status::End;
  std::string body;   // Message: the JSON text
  std::string error;  // Malformed: what was wrong with the frame
};

/// The next message. A frame without a usable Content-Length, or too large, is
/// Malformed and consumed, so the stream stays usable; End when the stream ends.
Framed read_message(std::istream& in);

/// Writes `body` with its Content-Length header and flushes.
void write_message(std::ostream& out, const std::string& body);

}  // namespace policyc::lsp
