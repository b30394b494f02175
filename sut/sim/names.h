// The name forms the Win32 network API accepts (P-NAME-FORM, P-REMOTE-NORMAL).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "sim_types.h"

namespace wnc::sim {

// "Z:" or "LPT1:" in canonical (upper) case, or nullopt when `name` is not a device name.
std::optional<std::string> device_name(std::string_view name);

bool is_print_device(std::string_view canonical_device);

// A remote name is anything that starts with two backslashes.
bool is_remote_name(std::string_view name);

// One trailing backslash removed: the form a remote name is compared and displayed in.
std::string strip_trailing_backslash(std::string_view remote);

// The case-folded, stripped form under which remote names compare equal.
std::string remote_key(std::string_view remote);

// ASCII case folding, as the C locale's toupper/tolower, inline: names are compared at
// every lookup of the registry and the namespaces.
constexpr char ascii_upper(char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; }
constexpr char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

std::string to_upper(std::string_view s);
std::string to_lower(std::string_view s);

// A LUID as the 16 hex digits redirector link targets embed ("00000000000003e7").
std::string luid_hex(Luid luid);

}  // namespace wnc::sim
