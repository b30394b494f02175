// A provider's extended error goes to mpr through WNetSetLastErrorW.
#pragma once

#include <windows.h>

namespace wnc::win {

// Records the error for WNetGetLastError through mpr's WNetSetLastErrorW, looked up at run
// time: Wine's mpr does not export it (mingw's import library does, and a provider linked
// against it dies on the call). Returns false when mpr has no such function.
bool report_extended_error(DWORD code, const wchar_t* text, const wchar_t* provider);

}  // namespace wnc::win
