#include "lsp/transport.hpp"

#include <charconv>
#include <optional>

namespace policyc::lsp {

namespace {

bool same_name(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; };
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

// One header line without its CR LF; nothing at the end of the stream. A line longer
// than the limit is read to its end and reported through `too_long`.
std::optional<std::string> read_header_line(std::istream& in, bool& too_long) {
  std::string line;
  int c;
  while ((c = in.get()) != std::char_traits<char>::eof()) {
    if (c == '\n') {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      return line;
    }
    if (line.size() < kMaxHeaderLineBytes) {
      line += static_cast<char>(c);
    } else {
      too_long = true;
    }
  }
  return std::nullopt;
}

}  // namespace

Framed read_message(std::istream& in) {
  std::optional<std::size_t> length;
  std::string problem;
  bool any_header = false;
  for (;;) {
    bool too_long = false;
    std::optional<std::string> line = read_header_line(in, too_long);
    if (!line) return {};
    if (too_long) {
      problem = "a header line is longer than 1024 bytes";
      any_header = true;
      continue;
    }
    if (line->empty()) {
      if (!any_header) continue;  // blank lines between messages
      break;
    }
    any_header = true;
    const std::size_t colon = line->find(':');
    if (colon == std::string::npos) {
      problem = "a header line has no ':'";
      continue;
    }
    if (!same_name(std::string_view(*line).substr(0, colon), "Content-Length")) continue;
    std::string_view value = std::string_view(*line).substr(colon + 1);
    while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
    while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.remove_suffix(1);
    std::size_t n = 0;
    auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
    if (ec != std::errc() || end != value.data() + value.size()) {
      problem = "Content-Length is not a number";
      continue;
    }
    length = n;
  }
  if (!length && problem.empty()) problem = "the header has no Content-Length";
  if (!problem.empty()) return {Framed::Status::Malformed, "", problem};
  if (*length > kMaxMessageBytes) {
    in.ignore(static_cast<std::streamsize>(*length));
    return {Framed::Status::Malformed, "", "the message is larger than 64 MiB"};
  }
  std::string body(*length, '\0');
  in.read(body.data(), static_cast<std::streamsize>(*length));
  if (static_cast<std::size_t>(in.gcount()) != *length) return {};
  return {Framed::Status::Message, std::move(body), ""};
}

void write_message(std::ostream& out, const std::string& body) {
  out << "Content-Length: " << body.size() << "\r\n\r\n" << body;
  out.flush();
}

}  // namespace policyc::lsp
