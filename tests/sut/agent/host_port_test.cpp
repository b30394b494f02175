#include "agent/host_port.h"

#include <gtest/gtest.h>

#include "vocabulary/input_error.h"

namespace wnc::agent {
namespace {

std::string refusal(const std::string& text) {
  try {
    parse_host_port(text, "--listen " + text);
  } catch (const InputError& e) {
    return e.what();
  }
  return "accepted";
}

TEST(HostPort, ReadsHostAndPort) {
  const HostPort a = parse_host_port("127.0.0.1:8080", "");
  EXPECT_EQ(a.host, "127.0.0.1");
  EXPECT_EQ(a.port, 8080);
  EXPECT_EQ(parse_host_port("localhost:0", "").port, 0);
  EXPECT_EQ(parse_host_port("h:65535", "").port, 65535);
}

TEST(HostPort, ReadsABracketedIpv6Address) {
  const HostPort a = parse_host_port("[::1]:8080", "");
  EXPECT_EQ(a.host, "::1");
  EXPECT_EQ(a.port, 8080);
}

TEST(HostPort, APortThatIsNotANumberFrom0To65535IsBadInputNamingTheValue) {
  for (const std::string bad : {"127.0.0.1:abc", "127.0.0.1:x", "127.0.0.1:70000", "127.0.0.1:65536", "127.0.0.1:",
                                "127.0.0.1:-1", "127.0.0.1:+80", "127.0.0.1: 80", "127.0.0.1:80x",
                                "127.0.0.1:99999999999999999999", "[::1]:abc"})
    EXPECT_EQ(refusal(bad), "--listen " + bad + ": the port must be a number from 0 to 65535");
}

TEST(HostPort, AnAddressWithoutHostOrPortIsBadInput) {
  for (const std::string bad : {"127.0.0.1", "", ":80", "[::1:80", "[]:80"})
    EXPECT_EQ(refusal(bad), "--listen " + bad + ": expected HOST:PORT or [IPv6]:PORT");
}

TEST(HostPort, AnIpv6AddressNeedsBrackets) {
  EXPECT_EQ(refusal("::1:80"), "--listen ::1:80: an IPv6 address goes in brackets, as [::1]:PORT");
}

}  // namespace
}  // namespace wnc::agent
