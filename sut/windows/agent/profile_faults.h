// HKCU\Network of the agent's user, with the registry itself: faults made, and an entry
// read back.
//  unreadable: a DACL on HKCU\Network that denies every read and write to Everyone
//              (owner keeps READ_CONTROL and WRITE_DAC), so RegOpenKeyEx fails with
//              ERROR_ACCESS_DENIED; the entries stay, hidden.
//  corrupt:    HKCU\Network\<KEY> (created if absent) loses its RemotePath value.
//  ok:         the saved DACL comes back and corrupt entries are deleted.
#pragma once

#include <windows.h>

#include <string>
#include <string_view>
#include <vector>

namespace wnc::win {

DWORD make_profile_unreadable(std::vector<BYTE>& saved_security);
DWORD corrupt_profile_entry(std::wstring_view device);
DWORD heal_profile(std::vector<BYTE>& saved_security);

// What HKCU\Network holds for `device`: NO_ERROR and its RemotePath, ERROR_FILE_NOT_FOUND,
// ERROR_BAD_PROFILE (corrupt) or ERROR_CANNOT_OPEN_PROFILE (unreadable).
DWORD read_profile_entry(std::wstring_view device, std::wstring& remote);

// A fresh profile: HKCU\Network readable and empty, whatever a previous agent left.
DWORD reset_profile(std::vector<BYTE>& saved_security);

}  // namespace wnc::win
