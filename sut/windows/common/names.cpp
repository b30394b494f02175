#include "names.h"

namespace wnc::win {

namespace {

constexpr unsigned long kBadDevType = 66;
constexpr unsigned long kBadDevice = 1200;

wchar_t ascii_upper(wchar_t c) { return c >= L'a' && c <= L'z' ? static_cast<wchar_t>(c - L'a' + L'A') : c; }
wchar_t ascii_lower(wchar_t c) { return c >= L'A' && c <= L'Z' ? static_cast<wchar_t>(c - L'A' + L'a') : c; }

std::wstring_view strip_one_backslash(std::wstring_view s) {
  if (!s.empty() && s.back() == L'\\') s.remove_suffix(1);
  return s;
}

bool equal_nocase(std::wstring_view a, std::wstring_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
  return true;
}

}  // namespace

std::wstring lower(std::wstring_view s) {
  std::wstring out(s);
  for (wchar_t& c : out) c = ascii_lower(c);
  return out;
}

bool is_drive_name(std::wstring_view name) {
  return name.size() == 2 && name[1] == L':' && ascii_upper(name[0]) >= L'A' && ascii_upper(name[0]) <= L'Z';
}

bool is_lpt_name(std::wstring_view name) {
  return name.size() == 5 && equal_nocase(name.substr(0, 3), L"LPT") && name[3] >= L'1' && name[3] <= L'9' &&
         name[4] == L':';
}

std::wstring device_key(std::wstring_view device) {
  if (!device.empty() && device.back() == L':') device.remove_suffix(1);
  std::wstring out(device);
  for (wchar_t& c : out) c = ascii_upper(c);
  return out;
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

unsigned long add_local_check(std::wstring_view local, bool disk) {
  if (local.empty()) return 0;
  if (!is_device_name(local)) return kBadDevice;
  return is_drive_name(local) == disk ? 0 : kBadDevType;
}

bool cancel_matches(const wchar_t* name, std::wstring_view local, std::wstring_view remote) {
  if (name == nullptr) return false;
  if (is_device_name(name)) return !local.empty() && same_device(name, local);
  return is_remote_name(name) && local.empty() && same_remote(name, remote);
}

}  // namespace wnc::win
