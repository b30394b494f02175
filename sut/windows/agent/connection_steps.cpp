#include <windows.h>
#include <winnetwk.h>

#include <optional>
#include <vector>

#include "../common/text.h"
#include "steps.h"

namespace wnc::win {

namespace {

// NULL stays NULL: the API must see exactly what the scenario says.
const wchar_t* or_null(const std::optional<std::wstring>& s) { return s ? s->c_str() : nullptr; }
const char* or_null(const std::optional<std::string>& s) { return s ? s->c_str() : nullptr; }

}  // namespace

Result add_step(const AddStep& s) {
  std::optional<std::wstring> local;
  if (s.local) local = widen(*s.local);
  std::wstring remote = widen(s.remote);
  NETRESOURCEW resource{};
  resource.dwType = s.type == ResourceType::Print ? RESOURCETYPE_PRINT : RESOURCETYPE_DISK;
  resource.lpLocalName = local ? local->data() : nullptr;
  resource.lpRemoteName = remote.data();
  return code(WNetAddConnection2W(&resource, nullptr, nullptr, s.persistent ? CONNECT_UPDATE_PROFILE : 0));
}

Result cancel_step(const CancelStep& s) {
  std::optional<std::wstring> wide;
  if (s.name) wide = widen(*s.name);
  std::optional<std::string> ansi;
  if (wide) ansi = to_ansi(*wide);
  DWORD flags = s.update_profile ? CONNECT_UPDATE_PROFILE : 0;
  switch (s.api) {
    case Api::W: return code(WNetCancelConnectionW(or_null(wide), s.force));
    case Api::A: return code(WNetCancelConnectionA(or_null(ansi), s.force));
    case Api::W2: return code(WNetCancelConnection2W(or_null(wide), flags, s.force));
    case Api::A2: return code(WNetCancelConnection2A(or_null(ansi), flags, s.force));
  }
  return code(ERROR_INVALID_PARAMETER);
}

Result get_connection_step(const GetConnectionStep& s) {
  std::wstring local = widen(s.local);
  std::vector<wchar_t> remote(MAX_PATH);
  DWORD chars = static_cast<DWORD>(remote.size());
  DWORD rc = WNetGetConnectionW(local.c_str(), remote.data(), &chars);
  if (rc == ERROR_MORE_DATA) {
    remote.resize(chars);
    rc = WNetGetConnectionW(local.c_str(), remote.data(), &chars);
  }
  Result r = code(rc);
  if (rc == NO_ERROR || rc == ERROR_CONNECTION_UNAVAIL) r.remote = narrow(remote.data());
  return r;
}

Result drives_step() {
  DWORD mask = GetLogicalDrives();
  Result r = code(mask == 0 ? GetLastError() : NO_ERROR);
  std::string letters;
  for (int i = 0; i < 26; ++i)
    if (mask & (1u << i)) letters += static_cast<char>('A' + i);
  r.drives = letters;
  return r;
}

Result query_dos_device_step(const QueryDosDeviceStep& s) {
  std::wstring name = widen(s.name);
  std::vector<wchar_t> targets(1024);
  for (;;) {
    DWORD n = QueryDosDeviceW(name.c_str(), targets.data(), static_cast<DWORD>(targets.size()));
    if (n > 0) {
      Result r = code(NO_ERROR);
      r.target = narrow(targets.data());  // the first target is the one in effect
      return r;
    }
    DWORD err = GetLastError();
    if (err != ERROR_INSUFFICIENT_BUFFER || targets.size() > 65536) return code(err);
    targets.resize(targets.size() * 4);
  }
}

Result last_error_step() {
  DWORD error = 0;
  wchar_t text[1024] = L"";
  wchar_t provider[256] = L"";
  Result r = code(WNetGetLastErrorW(&error, text, 1024, provider, 256));
  if (r.rc == NO_ERROR) {
    r.code = error;
    r.text = narrow(text);
    r.provider = narrow(provider);
  }
  return r;
}

}  // namespace wnc::win
