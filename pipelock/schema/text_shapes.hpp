// Shapes of config values (URLs, host:port, names), matched in linear time without
// recursion (a megabyte URL in a config once overflowed libstdc++'s std::regex). Each is
// a few lines of scanning, exact to the shape documented here; tests/text_shapes_test.cpp
// holds them to the equivalent regular expressions.
#pragma once
#include <string_view>

namespace policyc {

/// `scheme://host[/?#...]`: a scheme of [A-Za-z][A-Za-z0-9+.-]*, a host of at least one
/// byte that is not '/', '?', '#' or whitespace, then anything but a line break.
/// `http_only`: the scheme is http or https, in any case.
bool is_url_with_host(std::string_view text, bool http_only);

/// `[v6-address]:port` or `host:port`, the host without ':', '[' or ']' (possibly empty),
/// the port 1 to 5 digits.
bool is_host_port(std::string_view text);

/// `udp://host:port` or `tcp://host:port`, the host without '/' or whitespace, the port
/// 1 to 5 digits.
bool is_syslog_address(std::string_view text);

/// [A-Za-z_][A-Za-z0-9_]*
bool is_env_var_name(std::string_view text);

/// image/ followed by one or more of [a-z0-9.+-]
bool is_image_type(std::string_view text);

}  // namespace policyc
