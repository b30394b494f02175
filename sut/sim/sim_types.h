// The identifiers the simulated components hand each other, and WNetGetLastError's triple.
#pragma once

#include <cstdint>
#include <string>

#include "vocabulary/codes.h"

namespace wnc::sim {

using Luid = std::uint64_t;      // a logon session's authentication ID
using ConnId = std::uint64_t;    // a redirector connection; never reused within a world
using HandleId = std::uint64_t;  // an open file object; never reused within a world
using JobId = std::uint64_t;     // a spooler job; never reused within a world

inline constexpr Luid kSystemLuid = 0x3e7;
inline constexpr Luid kFirstUserLuid = 0x10000;

// What a provider reported through WNetSetLastError, and WNetGetLastError returns.
struct ExtendedError {
  Code code = code::kNoError;
  std::string text;
  std::string provider;
};

}  // namespace wnc::sim
