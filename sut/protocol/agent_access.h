// Who may talk to an agent over TCP, and how much: the shared secret a client sends in
// hello, and the bounds every agent puts on a connection. Compiled into both agents
// (`wnetconf agent` and wnetconf-agent.exe), so they read a token file and compare tokens alike.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

namespace wnc {

// A request is one line; no request of protocol v1 comes near this.
inline constexpr std::size_t kMaxRequestLine = 1 << 20;
inline constexpr std::size_t kMaxTokenFile = 4096;
// How long a TCP client may go without a complete request before it is disconnected.
inline constexpr int kDefaultIdleMs = 60000;
// Where --token-file is read from when the option is not given, on both sides.
inline constexpr const char* kTokenFileEnv = "WNETCONF_TOKEN_FILE";

// The token in `file`: its text less trailing whitespace, at least one character, no
// control characters, at most kMaxTokenFile bytes. Throws InputError naming the file.
std::string read_token_file(const std::filesystem::path& file);

// Compares in time that depends on the length of `expected` only, so that a client
// cannot find the token a byte at a time by timing the refusals.
bool token_matches(std::string_view expected, std::string_view given);

}  // namespace wnc
