#include "profile_faults.h"

#include <aclapi.h>

#include <string>

#include "../common/names.h"

namespace wnc::win {

namespace {

constexpr wchar_t kNetwork[] = L"Network";
constexpr DWORD kDenied = KEY_QUERY_VALUE | KEY_SET_VALUE | KEY_CREATE_SUB_KEY | KEY_ENUMERATE_SUB_KEYS |
                          KEY_NOTIFY | KEY_CREATE_LINK | DELETE;

class Key {
 public:
  ~Key() {
    if (key_) RegCloseKey(key_);
  }
  HKEY* out() { return &key_; }
  HKEY get() const { return key_; }

 private:
  HKEY key_ = nullptr;
};

DWORD set_dacl(HKEY key, ACL* dacl) {
  SECURITY_DESCRIPTOR sd;
  InitializeSecurityDescriptor(&sd, SECURITY_DESCRIPTOR_REVISION);
  SetSecurityDescriptorDacl(&sd, TRUE, dacl, FALSE);
  return static_cast<DWORD>(RegSetKeySecurity(key, DACL_SECURITY_INFORMATION, &sd));
}

// Opens HKCU\Network for WRITE_DAC, which its owner keeps whatever the DACL says.
DWORD open_for_dacl(Key& key) {
  return static_cast<DWORD>(RegOpenKeyExW(HKEY_CURRENT_USER, kNetwork, 0, WRITE_DAC | READ_CONTROL, key.out()));
}

bool corrupt(HKEY network, const wchar_t* name) {
  DWORD type = 0;
  LSTATUS rc = RegGetValueW(network, name, L"RemotePath", RRF_RT_ANY | RRF_NOEXPAND, &type, nullptr, nullptr);
  return rc == ERROR_FILE_NOT_FOUND || (rc == ERROR_SUCCESS && type != REG_SZ);
}

}  // namespace

DWORD make_profile_unreadable(std::vector<BYTE>& saved_security) {
  // Already unreadable: creating the key for KEY_READ would be denied (5) by our own DACL.
  if (!saved_security.empty()) return ERROR_SUCCESS;
  Key created;
  if (LSTATUS rc = RegCreateKeyExW(HKEY_CURRENT_USER, kNetwork, 0, nullptr, 0, KEY_READ, nullptr,
                                   created.out(), nullptr))
    return static_cast<DWORD>(rc);
  Key key;
  if (DWORD rc = open_for_dacl(key)) return rc;
  if (saved_security.empty()) {
    DWORD size = 0;
    RegGetKeySecurity(key.get(), DACL_SECURITY_INFORMATION, nullptr, &size);
    saved_security.resize(size);
    if (LSTATUS rc = RegGetKeySecurity(key.get(), DACL_SECURITY_INFORMATION, saved_security.data(), &size)) {
      saved_security.clear();
      return static_cast<DWORD>(rc);
    }
  }
  SID_IDENTIFIER_AUTHORITY world = SECURITY_WORLD_SID_AUTHORITY;
  PSID everyone = nullptr;
  AllocateAndInitializeSid(&world, 1, SECURITY_WORLD_RID, 0, 0, 0, 0, 0, 0, 0, &everyone);
  alignas(DWORD) BYTE buffer[256];
  ACL* dacl = reinterpret_cast<ACL*>(buffer);
  InitializeAcl(dacl, sizeof buffer, ACL_REVISION);
  AddAccessDeniedAce(dacl, ACL_REVISION, kDenied, everyone);
  AddAccessAllowedAce(dacl, ACL_REVISION, READ_CONTROL | WRITE_DAC, everyone);
  FreeSid(everyone);
  return set_dacl(key.get(), dacl);
}

DWORD corrupt_profile_entry(std::wstring_view device) {
  std::wstring path = std::wstring(kNetwork) + L"\\" + device_key(device);
  Key entry;
  if (LSTATUS rc = RegCreateKeyExW(HKEY_CURRENT_USER, path.c_str(), 0, nullptr, 0, KEY_SET_VALUE, nullptr,
                                   entry.out(), nullptr))
    return static_cast<DWORD>(rc);
  RegDeleteValueW(entry.get(), L"RemotePath");  // absent already is as corrupt
  return ERROR_SUCCESS;
}

DWORD read_profile_entry(std::wstring_view device, std::wstring& remote) {
  Key network;
  LSTATUS rc = RegOpenKeyExW(HKEY_CURRENT_USER, kNetwork, 0, KEY_READ, network.out());
  if (rc == ERROR_FILE_NOT_FOUND) return ERROR_FILE_NOT_FOUND;
  if (rc != ERROR_SUCCESS) return ERROR_CANNOT_OPEN_PROFILE;
  const std::wstring key = device_key(device);
  Key entry;
  if (RegOpenKeyExW(network.get(), key.c_str(), 0, KEY_READ, entry.out()) != ERROR_SUCCESS) return ERROR_FILE_NOT_FOUND;
  wchar_t path[1024];
  DWORD size = sizeof path;
  if (corrupt(network.get(), key.c_str()) ||
      RegGetValueW(network.get(), key.c_str(), L"RemotePath", RRF_RT_REG_SZ, nullptr, path, &size) != ERROR_SUCCESS)
    return ERROR_BAD_PROFILE;
  remote = path;
  return NO_ERROR;
}

DWORD heal_profile(std::vector<BYTE>& saved_security) {
  if (!saved_security.empty()) {
    Key key;
    if (DWORD rc = open_for_dacl(key)) return rc;
    if (LSTATUS rc = RegSetKeySecurity(key.get(), DACL_SECURITY_INFORMATION, saved_security.data()))
      return static_cast<DWORD>(rc);
    saved_security.clear();
  }
  Key network;
  if (LSTATUS rc = RegOpenKeyExW(HKEY_CURRENT_USER, kNetwork, 0, KEY_READ | KEY_WRITE, network.out()))
    return rc == ERROR_FILE_NOT_FOUND ? ERROR_SUCCESS : static_cast<DWORD>(rc);
  // Collect first: deleting while enumerating shifts the indexes.
  std::vector<std::wstring> broken;
  wchar_t name[256];
  for (DWORD i = 0;; ++i) {
    DWORD chars = 256;
    if (RegEnumKeyExW(network.get(), i, name, &chars, nullptr, nullptr, nullptr, nullptr) != ERROR_SUCCESS) break;
    if (corrupt(network.get(), name)) broken.emplace_back(name);
  }
  for (const auto& b : broken) RegDeleteTreeW(network.get(), b.c_str());
  return ERROR_SUCCESS;
}

namespace {

// HKCU\Network is there, readable, and holds nothing: no fault of ours changed its DACL and
// no connection was remembered in it since the last reset.
bool profile_empty(const std::vector<BYTE>& saved_security) {
  if (!saved_security.empty()) return false;
  Key network;
  if (RegOpenKeyExW(HKEY_CURRENT_USER, kNetwork, 0, KEY_READ, network.out()) != ERROR_SUCCESS) return false;
  DWORD subkeys = 0, values = 0;
  return RegQueryInfoKeyW(network.get(), nullptr, nullptr, nullptr, &subkeys, nullptr, nullptr, &values, nullptr,
                          nullptr, nullptr, nullptr) == ERROR_SUCCESS &&
         subkeys == 0 && values == 0;
}

}  // namespace

DWORD reset_profile(std::vector<BYTE>& saved_security) {
  if (profile_empty(saved_security)) return ERROR_SUCCESS;  // most cases remember nothing
  saved_security.clear();
  {
    Key key;
    if (open_for_dacl(key) == ERROR_SUCCESS) set_dacl(key.get(), nullptr);  // a NULL DACL: anyone may delete it
  }
  LSTATUS rc = RegDeleteTreeW(HKEY_CURRENT_USER, kNetwork);
  if (rc != ERROR_SUCCESS && rc != ERROR_FILE_NOT_FOUND) return static_cast<DWORD>(rc);
  Key fresh;
  return static_cast<DWORD>(
      RegCreateKeyExW(HKEY_CURRENT_USER, kNetwork, 0, nullptr, 0, KEY_READ, nullptr, fresh.out(), nullptr));
}

}  // namespace wnc::win
