// Name forms of the simulated network, shared by the provider and the agent so both
// read a device or a remote name the same way.
#pragma once

#include <string>
#include <string_view>

namespace wnc::win {

bool is_drive_name(std::wstring_view name);  // "X:"
bool is_lpt_name(std::wstring_view name);    // "LPT1".."LPT9", with or without the colon
inline bool is_device_name(std::wstring_view name) { return is_drive_name(name) || is_lpt_name(name); }

// "Z", "LPT1": a device without its colon, upper case (also its HKCU\Network key).
std::wstring device_key(std::wstring_view device);
bool same_device(std::wstring_view a, std::wstring_view b);

// Remote names compare case-insensitively once one trailing backslash is gone.
bool is_remote_name(std::wstring_view name);  // "\\server\share"
bool same_remote(std::wstring_view a, std::wstring_view b);

// "\\server\share" of a UNC path "\\server\share\dir\file"; empty if it is not one.
std::wstring unc_root(std::wstring_view path);

std::wstring lower(std::wstring_view s);
bool equal_nocase(std::wstring_view a, std::wstring_view b);

}  // namespace wnc::win
