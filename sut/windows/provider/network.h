// The provider's side of the simulated network: what a redirector answers to add, cancel
// and get, in the caller's logon. The profile is left to the platform's mpr. Names are read
// as docs/behaviour.md reads them (../common/names.h): Wine's mpr passes every name through,
// so an answer of this provider that departs from the model would pass for Wine's.
#pragma once

#include <windows.h>

namespace wnc::win {

DWORD add_connection(const NETRESOURCEW& resource);
DWORD cancel_connection(const wchar_t* name, bool force);
DWORD get_connection(const wchar_t* local, wchar_t* remote, DWORD* chars);

}  // namespace wnc::win
