// The provider's side of the simulated network: what a redirector answers to add, cancel
// and get, in the caller's logon. Everything the router decides (name forms, the profile)
// is left to the platform's mpr; these are only the network's own answers.
#pragma once

#include <windows.h>

namespace wnc::win {

DWORD add_connection(const NETRESOURCEW& resource);
DWORD cancel_connection(const wchar_t* name, bool force);
DWORD get_connection(const wchar_t* local, wchar_t* remote, DWORD* chars);

}  // namespace wnc::win
