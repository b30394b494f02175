#include "extended_error.h"

#include <string>

namespace wnc::win {

namespace {

using SetLastErrorW = VOID(WINAPI*)(DWORD, LPWSTR, LPWSTR);

void note_missing_once() {
  static LONG noted = 0;
  if (InterlockedExchange(&noted, 1)) return;
  static const char message[] =
      "wnetconf-np: mpr.dll has no WNetSetLastErrorW; provider faults are not recorded for WNetGetLastError\n";
  DWORD written = 0;
  WriteFile(GetStdHandle(STD_ERROR_HANDLE), message, sizeof message - 1, &written, nullptr);
}

}  // namespace

bool report_extended_error(DWORD code, const wchar_t* text, const wchar_t* provider) {
  HMODULE mpr = GetModuleHandleW(L"mpr.dll");
  auto set_last_error =
      mpr ? reinterpret_cast<SetLastErrorW>(reinterpret_cast<void*>(GetProcAddress(mpr, "WNetSetLastErrorW")))
          : nullptr;
  if (!set_last_error) {
    note_missing_once();
    return false;
  }
  std::wstring t(text), p(provider);
  set_last_error(code, t.data(), p.data());
  return true;
}

}  // namespace wnc::win
