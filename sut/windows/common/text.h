// UTF-8 (the protocol's) to and from UTF-16 (the W functions'), and the ANSI code page
// (the A functions').
#pragma once

#include <string>
#include <string_view>

namespace wnc::win {

std::wstring widen(std::string_view utf8);
std::string narrow(std::wstring_view utf16);
std::string to_ansi(std::wstring_view utf16);

}  // namespace wnc::win
