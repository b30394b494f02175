#include "test_area.h"

#include <windows.h>

#include <string>

#include "../common/device_links.h"
#include "../common/names.h"
#include "../common/shared_net.h"
#include "../common/text.h"
#include "agent_state.h"

namespace wnc::win {

namespace {

// The drive letter ("Z:") a path starts with; empty if none.
std::wstring_view drive_of(std::wstring_view path) {
  std::wstring_view device = path.substr(0, path.find(L'\\'));
  return is_drive_name(device) ? device : std::wstring_view();
}

// A drive the provider connected for the caller: its files live in the provider's backing store.
bool provider_drive(std::wstring_view drive) {
  SharedNetLock lock;
  if (!lock.get()) return false;
  LUID logon = caller_logon();
  for (const auto& c : lock.get()->connections)
    if (c.id != 0 && same_logon(c.logon, logon) && c.local[0] && same_device(c.local, drive)) return true;
  return false;
}

bool declared_share(std::wstring_view root) {
  SharedNetLock lock;
  if (!lock.get() || root.empty()) return false;
  const SharedNet& net = *lock.get();
  for (int i = 0; i < net.resource_count; ++i)
    if (net.resources[i].type == RESOURCETYPE_DISK && same_remote(net.resources[i].remote, root)) return true;
  return false;
}

[[noreturn]] void refuse(std::wstring_view path, const std::string& why) {
  throw Unsupported("the path " + narrow(path) + ": " + why);
}

}  // namespace

PathUse path_use(std::wstring_view path) {
  if (path.find(L'/') != std::wstring_view::npos)
    refuse(path, "the agent takes backslash-separated paths only");
  if (path.starts_with(L"\\\\?\\") || path.starts_with(L"\\\\.\\") || path.starts_with(L"\\??\\"))
    refuse(path, "device and \\\\?\\ paths reach beyond the test network");
  if (is_remote_name(path)) {
    if (!running_on_wine())
      refuse(path, "on Windows a UNC path goes to the machine's own redirector, which would connect to that "
                   "host; the test provider redirects drives only");
    return declared_share(unc_root(path)) ? PathUse::Create : PathUse::OpenExisting;
  }
  std::wstring_view drive = drive_of(path);
  if (drive.empty()) return PathUse::OpenExisting;
  if (provider_drive(drive)) return PathUse::Create;
  if (running_on_wine()) return same_device(drive, L"C:") ? PathUse::Create : PathUse::OpenExisting;
  const std::wstring root = std::wstring(drive) + L"\\";
  if (GetDriveTypeW(root.c_str()) == DRIVE_REMOTE)
    refuse(path, "a network drive the user mapped, not one the test provider connected");
  return PathUse::OpenExisting;
}

bool missing_local_file(std::wstring_view path) {
  if (running_on_wine() || drive_of(path).empty()) return false;
  const std::wstring root = std::wstring(drive_of(path)) + L"\\";
  return GetDriveTypeW(root.c_str()) != DRIVE_NO_ROOT_DIR &&
         GetFileAttributesW(std::wstring(path).c_str()) == INVALID_FILE_ATTRIBUTES;
}

}  // namespace wnc::win
