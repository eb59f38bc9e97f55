#include "pipelock/schema/text_shapes.hpp"

namespace policyc {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
// \s of the shapes' regular expressions (ECMAScript's, in the "C" locale): with \v,
// which RE2's \s leaves out.
bool is_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

bool all_of(std::string_view text, bool (*allowed)(char)) {
  for (char c : text) {
    if (!allowed(c)) return false;
  }
  return true;
}

bool lower_equals(std::string_view text, std::string_view lower) {
  if (text.size() != lower.size()) return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != lower[i]) return false;
  }
  return true;
}

}  // namespace

bool is_url_with_host(std::string_view text, bool http_only) {
  const std::size_t separator = text.find("://");
  if (separator == std::string_view::npos || separator == 0) return false;
  const std::string_view scheme = text.substr(0, separator);
  if (http_only) {
    if (!lower_equals(scheme, "http") && !lower_equals(scheme, "https")) return false;
  } else if (!is_alpha(scheme[0]) || !all_of(scheme.substr(1), [](char c) {
               return is_alpha(c) || is_digit(c) || c == '+' || c == '.' || c == '-';
             })) {
    return false;
  }
  const std::string_view rest = text.substr(separator + 3);
  std::size_t host = 0;
  while (host < rest.size() && rest[host] != '/' && rest[host] != '?' && rest[host] != '#' &&
         !is_space(rest[host])) {
    ++host;
  }
  if (host == 0) return false;
  // ECMAScript's `.` matches anything but a line terminator.
  return rest.find_first_of("\n\r", host) == std::string_view::npos &&
         (host == rest.size() || !http_only || rest[host] == '/' || rest[host] == '?' ||
          rest[host] == '#');
}

bool is_host_port(std::string_view text) {
  const std::size_t colon = text.rfind(':');
  if (colon == std::string_view::npos) return false;
  const std::string_view port = text.substr(colon + 1);
  if (port.empty() || port.size() > 5 || !all_of(port, is_digit)) return false;
  const std::string_view host = text.substr(0, colon);
  if (host.size() >= 3 && host.front() == '[' && host.back() == ']') {
    return all_of(host.substr(1, host.size() - 2), [](char c) {
      return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == ':' ||
             c == '.';
    });
  }
  return host.find_first_of(":[]") == std::string_view::npos;
}

bool is_syslog_address(std::string_view text) {
  if (text.substr(0, 6) != "udp://" && text.substr(0, 6) != "tcp://") return false;
  const std::string_view rest = text.substr(6);
  const std::size_t colon = rest.rfind(':');
  if (colon == std::string_view::npos || colon == 0) return false;
  const std::string_view port = rest.substr(colon + 1);
  return !port.empty() && port.size() <= 5 && all_of(port, is_digit) &&
         all_of(rest.substr(0, colon), [](char c) { return c != '/' && !is_space(c); });
}

bool is_env_var_name(std::string_view text) {
  return !text.empty() && (is_alpha(text[0]) || text[0] == '_') &&
         all_of(text, [](char c) { return is_alpha(c) || is_digit(c) || c == '_'; });
}

bool is_image_type(std::string_view text) {
  constexpr std::string_view kPrefix = "image/";
  return text.size() > kPrefix.size() && text.substr(0, kPrefix.size()) == kPrefix &&
         all_of(text.substr(kPrefix.size()), [](char c) {
           return (c >= 'a' && c <= 'z') || is_digit(c) || c == '.' || c == '+' || c == '-';
         });
}

}  // namespace policyc
