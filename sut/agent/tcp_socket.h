// TCP sockets for the agent transports: a listener for the server, a connection with a
// deadline for the client. Both throw std::system_error on failure.
#pragma once

#include <string>

#include "agent/unique_fd.h"

namespace wnc::agent {

// Listens on host:port (port 0 picks a free one) and returns the port actually bound.
UniqueFd listen_tcp(const std::string& host, int port, int& bound_port);

UniqueFd connect_tcp(const std::string& host, int port, int timeout_ms);

UniqueFd accept_tcp(int listener);

// Whether every address `host` names is a loopback one (127.0.0.0/8, ::1): reachable from
// this machine only. A host that does not resolve is not.
bool is_loopback(const std::string& host);

// "host:port", with brackets around an IPv6 address.
std::string tcp_address(const std::string& host, int port);

}  // namespace wnc::agent
