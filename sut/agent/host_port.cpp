#include "agent/host_port.h"

#include <algorithm>
#include <cctype>

#include "vocabulary/input_error.h"

namespace wnc::agent {

namespace {

constexpr int kMaxPort = 65535;

bool all_digits(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c); });
}

}  // namespace

HostPort parse_host_port(const std::string& text, const std::string& label) {
  const auto colon = text.rfind(':');
  const std::string malformed = label + ": expected HOST:PORT or [IPv6]:PORT";
  if (colon == std::string::npos || colon == 0) throw InputError(malformed);
  std::string host = text.substr(0, colon);
  const std::string port = text.substr(colon + 1);
  if (host.front() == '[') {
    if (host.size() < 3 || host.back() != ']') throw InputError(malformed);
    host = host.substr(1, host.size() - 2);
  } else if (host.find(':') != std::string::npos) {
    throw InputError(label + ": an IPv6 address goes in brackets, as [::1]:PORT");
  }
  // Five digits at most, so that stoi cannot overflow.
  if (!all_digits(port) || port.size() > 5 || std::stoi(port) > kMaxPort)
    throw InputError(label + ": the port must be a number from 0 to " + std::to_string(kMaxPort));
  return {host, std::stoi(port)};
}

}  // namespace wnc::agent
