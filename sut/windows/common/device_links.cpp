#include "device_links.h"

#include <winioctl.h>

#include <cstring>
#include <vector>

#include "names.h"
#include "text.h"

namespace wnc::win {

namespace {

// The mount manager's Wine extension (Wine's include/ddk/mountmgr.h).
constexpr DWORD kDefineUnixDrive =
    CTL_CODE(static_cast<DWORD>('m'), 32, METHOD_BUFFERED, FILE_READ_ACCESS | FILE_WRITE_ACCESS);

struct MountmgrUnixDrive {
  ULONG size;
  ULONG type;
  ULONG fs_type;
  DWORD serial;
  ULONGLONG unix_dev;
  WCHAR letter;
  USHORT mount_point_offset;
  USHORT device_offset;
  USHORT label_offset;
};

DWORD mountmgr_define(wchar_t letter, const std::string& mount_point, ULONG type) {
  HANDLE mgr = CreateFileW(L"\\\\.\\MountPointManager", GENERIC_READ | GENERIC_WRITE,
                           FILE_SHARE_READ | FILE_SHARE_WRITE, nullptr, OPEN_EXISTING, 0, nullptr);
  if (mgr == INVALID_HANDLE_VALUE) return GetLastError();
  std::vector<char> buffer(sizeof(MountmgrUnixDrive) + mount_point.size() + 1, 0);
  MountmgrUnixDrive drive{};
  drive.size = static_cast<ULONG>(buffer.size());
  drive.type = type;
  drive.letter = letter;
  if (!mount_point.empty()) {
    drive.mount_point_offset = sizeof(MountmgrUnixDrive);
    std::memcpy(buffer.data() + sizeof drive, mount_point.data(), mount_point.size());
  }
  std::memcpy(buffer.data(), &drive, sizeof drive);
  DWORD returned = 0;
  BOOL ok = DeviceIoControl(mgr, kDefineUnixDrive, buffer.data(), static_cast<DWORD>(buffer.size()),
                            nullptr, 0, &returned, nullptr);
  DWORD err = ok ? ERROR_SUCCESS : GetLastError();
  CloseHandle(mgr);
  return err;
}

struct RemoteParts {
  std::wstring server;
  std::wstring path;  // the share, and deeper components if any, lower case
};

RemoteParts split_remote(std::wstring_view remote) {
  if (!remote.empty() && remote.back() == L'\\') remote.remove_suffix(1);
  while (!remote.empty() && remote.front() == L'\\') remote.remove_prefix(1);
  size_t slash = remote.find(L'\\');
  if (slash == std::wstring_view::npos) return {lower(remote), {}};
  return {lower(remote.substr(0, slash)), lower(remote.substr(slash + 1))};
}

std::wstring temp_root() {
  wchar_t temp[MAX_PATH + 1];
  DWORD n = GetTempPathW(MAX_PATH + 1, temp);
  return std::wstring(temp, n) + L"wnetconf-net";
}

// Where backing stores live: Wine's UNC root (the prefix's dosdevices/unc), or %TEMP%.
std::wstring backing_root() { return running_on_wine() ? L"\\\\?\\UNC" : temp_root(); }

// The object-namespace target of a DefineDosDevice link; the redirector owns every link
// whose target starts with target_root().
std::wstring target_root() { return running_on_wine() ? L"\\??\\UNC\\" : L"\\??\\" + temp_root() + L"\\"; }

std::wstring device_target(std::wstring_view remote) {
  RemoteParts parts = split_remote(remote);
  return target_root() + parts.server + L"\\" + parts.path;
}

// "Z:" or "LPT1": the name of the device's link in the object namespace.
std::wstring dos_name(std::wstring_view local) {
  std::wstring key = device_key(local);
  return is_drive_name(local) ? key + L":" : key;
}

bool wine_drive(std::wstring_view local) { return running_on_wine() && is_drive_name(local); }

// Creates root\relative and every directory on the way; existing ones are fine.
void make_directories(const std::wstring& root, const std::wstring& relative) {
  CreateDirectoryW(root.c_str(), nullptr);
  for (size_t pos = 0;; ++pos) {
    pos = relative.find(L'\\', pos);
    CreateDirectoryW((root + L"\\" + relative.substr(0, pos)).c_str(), nullptr);
    if (pos == std::wstring::npos) return;
  }
}

// Deletes what `folder` holds, not the folder: what an earlier case's opens and chdirs made
// on a share must not be there for the next (a file where a directory is expected).
void empty_directory(const std::wstring& folder) {
  WIN32_FIND_DATAW found;
  HANDLE search = FindFirstFileW((folder + L"\\*").c_str(), &found);
  if (search == INVALID_HANDLE_VALUE) return;
  do {
    const std::wstring name = found.cFileName;
    if (name == L"." || name == L"..") continue;
    const std::wstring path = folder + L"\\" + name;
    if ((found.dwFileAttributes & FILE_ATTRIBUTE_DIRECTORY) && !(found.dwFileAttributes & FILE_ATTRIBUTE_REPARSE_POINT)) {
      empty_directory(path);
      RemoveDirectoryW(path.c_str());
    } else {
      SetFileAttributesW(path.c_str(), FILE_ATTRIBUTE_NORMAL);
      DeleteFileW(path.c_str());
    }
  } while (FindNextFileW(search, &found));
  FindClose(search);
}

// The current target of an object-namespace link; empty when there is none.
std::wstring current_target(const std::wstring& name) {
  wchar_t target[1024];
  return QueryDosDeviceW(name.c_str(), target, 1024) ? std::wstring(target) : std::wstring();
}

bool owned_link(const std::wstring& name) { return current_target(name).starts_with(target_root()); }

}  // namespace

bool running_on_wine() {
  static const bool wine = GetProcAddress(GetModuleHandleW(L"ntdll.dll"), "wine_get_version") != nullptr;
  return wine;
}

void prepare_resource(std::wstring_view remote, DWORD type) {
  RemoteParts parts = split_remote(remote);
  if (type == RESOURCETYPE_DISK) {
    const std::wstring share = parts.server + L"\\" + parts.path;
    make_directories(backing_root(), share);
    // Only under the backing root: a share name is the setup's, never a way out of it.
    if (share.find(L"..") == std::wstring::npos) empty_directory(backing_root() + L"\\" + share);
    return;
  }
  if (running_on_wine()) return;  // a print device made by DefineDosDevice cannot be opened on Wine
  make_directories(backing_root(), parts.server);
  std::wstring spool_path = backing_root() + L"\\" + parts.server + L"\\" + parts.path;
  HANDLE spool = CreateFileW(spool_path.c_str(), GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE, nullptr,
                             OPEN_ALWAYS, 0, nullptr);
  if (spool != INVALID_HANDLE_VALUE) CloseHandle(spool);
}

bool device_in_use(std::wstring_view local) {
  // One name's lookup: GetLogicalDrives lists the whole namespace (milliseconds on Wine).
  return !current_target(dos_name(local)).empty();
}

DWORD define_device(std::wstring_view local, std::wstring_view remote) {
  if (wine_drive(local)) {
    RemoteParts parts = split_remote(remote);
    std::wstring mount = L"unc/" + parts.server + L"/" + parts.path;
    for (auto& c : mount)
      if (c == L'\\') c = L'/';
    return mountmgr_define(device_key(local)[0], narrow(mount), DRIVE_REMOTE);
  }
  return DefineDosDeviceW(DDD_RAW_TARGET_PATH, dos_name(local).c_str(), device_target(remote).c_str())
             ? ERROR_SUCCESS
             : GetLastError();
}

void remove_device(std::wstring_view local) {
  if (wine_drive(local)) {
    mountmgr_define(device_key(local)[0], {}, DRIVE_NO_ROOT_DIR);
    return;
  }
  std::wstring name = dos_name(local);
  std::wstring target = current_target(name);
  DefineDosDeviceW(DDD_RAW_TARGET_PATH | DDD_REMOVE_DEFINITION | DDD_EXACT_MATCH_ON_REMOVE, name.c_str(),
                   target.c_str());
}

namespace {

constexpr int kLetters = 26;

// Removes `name` ("X:" or "LPTn") when it is the redirector's: on Wine a network drive (the
// prefix's own drives are not), elsewhere a link to our targets.
void remove_if_ours(const std::wstring& name) {
  if (running_on_wine() && is_drive_name(name)) {
    if (GetDriveTypeW((name + L"\\").c_str()) == DRIVE_REMOTE) remove_device(name);
    return;
  }
  // A link may be defined over another; a bounded loop, in case one cannot be removed.
  for (int i = 0; i < 8 && owned_link(name); ++i) remove_device(name);
}

std::wstring device_of_bit(int bit) {
  if (bit < kLetters) return {static_cast<wchar_t>(L'A' + bit), L':'};
  return {L'L', L'P', L'T', static_cast<wchar_t>(L'1' + bit - kLetters)};
}

}  // namespace

std::uint64_t device_bit(std::wstring_view local) {
  if (!is_device_name(local)) return 0;
  const std::wstring key = device_key(local);  // "X" or "LPTn", upper case
  const int bit = is_drive_name(local) ? key[0] - L'A' : kLetters + (key[3] - L'1');
  return std::uint64_t{1} << bit;
}

void remove_devices(std::uint64_t made) {
  for (int bit = 0; bit < kLetters + 9; ++bit)
    if (made & (std::uint64_t{1} << bit)) remove_if_ours(device_of_bit(bit));
}

void remove_all_devices() {
  DWORD present = GetLogicalDrives();
  for (int letter = 0; letter < kLetters; ++letter)
    if (present & (1u << letter)) remove_if_ours(device_of_bit(letter));
  for (int n = 0; n < 9; ++n) remove_if_ours(device_of_bit(kLetters + n));
}

}  // namespace wnc::win
