// The device links behind the simulated redirector: how a connection's device is made real
// for the platform's own namespace code (GetLogicalDrives, QueryDosDevice, GetDriveType,
// CreateFile), and where a share's files live.
//
// On Wine, file names are resolved through the prefix's dosdevices/ directory, not through
// the object namespace that DefineDosDevice writes, so drive letters are made with the
// mount manager's Wine extension as network drives whose mount point is dosdevices/unc/
// <server>/<share> — Wine's own form of a network drive — and share directories live
// under dosdevices/unc, which Wine also uses for \\server\share paths. Elsewhere devices
// are DefineDosDevice links to directories under %TEMP%\wnetconf-net.
#pragma once

#include <windows.h>

#include <cstdint>
#include <string>
#include <string_view>

namespace wnc::win {

bool running_on_wine();

// Creates the directory (disk, emptied of what an earlier case left) or spool file (print)
// behind a network resource.
void prepare_resource(std::wstring_view remote, DWORD type);

// Whether the device already exists in the caller's view.
bool device_in_use(std::wstring_view local);

// Makes `local` lead to `remote`; a Win32 error code.
DWORD define_device(std::wstring_view local, std::wstring_view remote);
void remove_device(std::wstring_view local);

// A device's bit in a record of devices made (SharedNet::devices_made): the drive letters, then
// LPT1..LPT9; 0 for any other name.
std::uint64_t device_bit(std::wstring_view local);

// Removes the devices of `made` (device_bit) that are still the redirector's.
void remove_devices(std::uint64_t made);
// Removes every device the redirector ever made, including those of an agent that died.
void remove_all_devices();

}  // namespace wnc::win
