// Name forms of the simulated network, shared by the provider and the agent so both read a
// device or a remote name the same way, and the way docs/behaviour.md does (P-NAME-FORM,
// P-REMOTE-NORMAL, R-NAME-CASE): the provider answers for Wine's mpr, which checks no name
// itself. Plain C++ without Windows headers, so tests/sut/windows/common compiles it for the
// host and holds it to the model's answers. Case folds ASCII only, as the model's does.
#pragma once

#include <string>
#include <string_view>

namespace wnc::win {

bool is_drive_name(std::wstring_view name);  // "X:"
bool is_lpt_name(std::wstring_view name);    // "LPT1:".."LPT9:"; "LPT1" is not a device name
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

// The provider's answer to an add's local name before anything else is looked at: 0 to go
// on, ERROR_BAD_DEVICE (1200) for a name of neither device form, ERROR_BAD_DEV_TYPE (66) for
// a drive given a printer or an LPT device given a share. Empty means deviceless: 0.
unsigned long add_local_check(std::wstring_view local, bool disk);

// Whether cancelling `name` removes the connection with this local name ("" when
// deviceless) and remote: a device name matches only a device connection of that device, a
// remote name only a deviceless connection of that remote; NULL, "" and any other string
// match nothing (the cancel then answers ERROR_NOT_CONNECTED).
bool cancel_matches(const wchar_t* name, std::wstring_view local, std::wstring_view remote);

}  // namespace wnc::win
