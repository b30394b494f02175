// The one reader of HOST:PORT, for `agent --listen` and `--sut tcp:<host>:<port>`.
#pragma once

#include <string>

namespace wnc::agent {

struct HostPort {
  std::string host;  // an IPv6 address without its brackets
  int port = 0;
};

// Reads "host:port" or "[ipv6]:port", port 0 to 65535. Throws InputError starting with
// `label` (the flag and its value, as the user wrote them) that says what is wrong.
HostPort parse_host_port(const std::string& text, const std::string& label);

}  // namespace wnc::agent
