#include "names.h"

#include <windows.h>

namespace wnc::win {

namespace {

std::wstring_view strip_one_backslash(std::wstring_view s) {
  if (!s.empty() && s.back() == L'\\') s.remove_suffix(1);
  return s;
}

std::wstring map_case(std::wstring_view s, DWORD flags) {
  std::wstring out(s);
  if (!out.empty())
    LCMapStringEx(LOCALE_NAME_INVARIANT, flags, out.c_str(), static_cast<int>(out.size()), out.data(),
                  static_cast<int>(out.size()), nullptr, nullptr, 0);
  return out;
}

}  // namespace

std::wstring lower(std::wstring_view s) { return map_case(s, LCMAP_LOWERCASE); }

bool equal_nocase(std::wstring_view a, std::wstring_view b) {
  return CompareStringOrdinal(a.data(), static_cast<int>(a.size()), b.data(), static_cast<int>(b.size()),
                              TRUE) == CSTR_EQUAL;
}

bool is_drive_name(std::wstring_view name) {
  return name.size() == 2 && name[1] == L':' &&
         ((name[0] >= L'A' && name[0] <= L'Z') || (name[0] >= L'a' && name[0] <= L'z'));
}

bool is_lpt_name(std::wstring_view name) {
  if (!name.empty() && name.back() == L':') name.remove_suffix(1);
  return name.size() == 4 && equal_nocase(name.substr(0, 3), L"LPT") && name[3] >= L'1' && name[3] <= L'9';
}

std::wstring device_key(std::wstring_view device) {
  if (!device.empty() && device.back() == L':') device.remove_suffix(1);
  return map_case(device, LCMAP_UPPERCASE);
}

bool same_device(std::wstring_view a, std::wstring_view b) { return device_key(a) == device_key(b); }

bool is_remote_name(std::wstring_view name) {
  return name.size() > 2 && name[0] == L'\\' && name[1] == L'\\';
}

bool same_remote(std::wstring_view a, std::wstring_view b) {
  return equal_nocase(strip_one_backslash(a), strip_one_backslash(b));
}

std::wstring unc_root(std::wstring_view path) {
  if (!is_remote_name(path)) return {};
  size_t server_end = path.find(L'\\', 2);
  if (server_end == std::wstring_view::npos || server_end == 2) return {};
  size_t share_end = path.find(L'\\', server_end + 1);
  if (share_end == server_end + 1) return {};
  return std::wstring(path.substr(0, share_end));
}

}  // namespace wnc::win
