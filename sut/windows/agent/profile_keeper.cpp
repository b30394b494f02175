#include "profile_keeper.h"

#include <windows.h>

#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <vector>

#include "../common/text.h"
#include "profile_faults.h"

namespace wnc::win {

namespace {

using nlohmann::json;

constexpr wchar_t kNetwork[] = L"Network";

std::string hex(const BYTE* data, DWORD size) {
  static const char digits[] = "0123456789abcdef";
  std::string out;
  for (DWORD i = 0; i < size; ++i) {
    out += digits[data[i] >> 4];
    out += digits[data[i] & 15];
  }
  return out;
}

std::vector<BYTE> unhex(const std::string& text) {
  auto nibble = [](char c) { return static_cast<BYTE>(c <= '9' ? c - '0' : c - 'a' + 10); };
  std::vector<BYTE> out;
  for (size_t i = 0; i + 1 < text.size(); i += 2) out.push_back(static_cast<BYTE>(nibble(text[i]) << 4 | nibble(text[i + 1])));
  return out;
}

// {"values":[{"name","type","data"}...],"keys":{"Z":{...}}}: the key and all below it.
json save_key(HKEY key) {
  DWORD subkeys = 0, max_subkey = 0, values = 0, max_name = 0, max_data = 0;
  if (LSTATUS rc = RegQueryInfoKeyW(key, nullptr, nullptr, nullptr, &subkeys, &max_subkey, nullptr, &values, &max_name,
                                    &max_data, nullptr, nullptr))
    throw std::runtime_error("cannot read HKCU\\Network (error " + std::to_string(rc) + ")");
  json out = {{"values", json::array()}, {"keys", json::object()}};
  std::vector<wchar_t> name(max_name + 1 > max_subkey + 1 ? max_name + 1 : max_subkey + 1);
  std::vector<BYTE> data(max_data + 1);
  for (DWORD i = 0; i < values; ++i) {
    DWORD chars = static_cast<DWORD>(name.size()), size = static_cast<DWORD>(data.size()), type = 0;
    if (RegEnumValueW(key, i, name.data(), &chars, nullptr, &type, data.data(), &size) != ERROR_SUCCESS) continue;
    out["values"].push_back({{"name", narrow({name.data(), chars})}, {"type", type}, {"data", hex(data.data(), size)}});
  }
  for (DWORD i = 0; i < subkeys; ++i) {
    DWORD chars = static_cast<DWORD>(name.size());
    if (RegEnumKeyExW(key, i, name.data(), &chars, nullptr, nullptr, nullptr, nullptr) != ERROR_SUCCESS) continue;
    HKEY sub = nullptr;
    if (RegOpenKeyExW(key, name.data(), 0, KEY_READ, &sub) != ERROR_SUCCESS) continue;
    out["keys"][narrow({name.data(), chars})] = save_key(sub);
    RegCloseKey(sub);
  }
  return out;
}

void write_key(HKEY parent, const std::wstring& name, const json& saved) {
  HKEY key = nullptr;
  if (RegCreateKeyExW(parent, name.c_str(), 0, nullptr, 0, KEY_WRITE, nullptr, &key, nullptr) != ERROR_SUCCESS) return;
  for (const json& v : saved.at("values")) {
    std::vector<BYTE> data = unhex(v.at("data").get<std::string>());
    RegSetValueExW(key, widen(v.at("name").get<std::string>()).c_str(), 0, v.at("type").get<DWORD>(), data.data(),
                   static_cast<DWORD>(data.size()));
  }
  for (const auto& [sub, below] : saved.at("keys").items()) write_key(key, widen(sub), below);
  RegCloseKey(key);
}

// HKCU\Network as it is now; null when there is none.
json save_network() {
  HKEY key = nullptr;
  LSTATUS rc = RegOpenKeyExW(HKEY_CURRENT_USER, kNetwork, 0, KEY_READ, &key);
  if (rc == ERROR_FILE_NOT_FOUND) return nullptr;
  if (rc != ERROR_SUCCESS) throw std::runtime_error("cannot open HKCU\\Network to save it (error " + std::to_string(rc) + ")");
  json saved = save_key(key);
  RegCloseKey(key);
  return saved;
}

void put_back(const json& saved) {
  std::vector<BYTE> no_security;
  reset_profile(no_security);  // whatever faults a scenario left, HKCU\Network is writable and empty
  if (saved.is_null()) {
    RegDeleteTreeW(HKEY_CURRENT_USER, kNetwork);
  } else {
    write_key(HKEY_CURRENT_USER, kNetwork, saved);
  }
}

std::wstring backup_path() {
  wchar_t temp[MAX_PATH + 1];
  DWORD n = GetTempPathW(MAX_PATH + 1, temp);
  std::wstring root = std::wstring(temp, n) + L"wnetconf-net";
  CreateDirectoryW(root.c_str(), nullptr);
  return root + L"\\hkcu-network-backup.json";
}

}  // namespace

ProfileKeeper::ProfileKeeper() : backup_file_(backup_path()) {
  if (std::ifstream left{std::filesystem::path(backup_file_)}; left) {  // an agent died before putting it back
    json earlier = json::parse(left, nullptr, false);
    if (earlier.is_discarded() || !earlier.contains("network"))
      throw std::runtime_error("the backup of HKCU\\Network " + narrow(backup_file_) +
                               " is damaged: restore it by hand, then delete it");
    put_back(earlier["network"]);
  }
  saved_ = save_network();
  std::ofstream out(std::filesystem::path(backup_file_), std::ios::trunc);
  out << json{{"network", saved_}}.dump() << std::endl;
  if (!out) throw std::runtime_error("cannot write the backup of HKCU\\Network to " + narrow(backup_file_));
}

void ProfileKeeper::restore() {
  if (restored_) return;
  restored_ = true;
  put_back(saved_);
  DeleteFileW(backup_file_.c_str());
}

}  // namespace wnc::win
