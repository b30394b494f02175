// Win32 return codes the API world speaks, with their symbolic names.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace wnc {

using Code = std::uint32_t;

// Named with a k-prefix: the Win32 spellings are macros on Windows.
namespace code {
inline constexpr Code kNoError = 0;
inline constexpr Code kFileNotFound = 2;
inline constexpr Code kPathNotFound = 3;
inline constexpr Code kInvalidHandle = 6;
inline constexpr Code kNotSupported = 50;
inline constexpr Code kUnexpNetErr = 59;
inline constexpr Code kBadDevType = 66;
inline constexpr Code kBadNetName = 67;
inline constexpr Code kAlreadyAssigned = 85;
inline constexpr Code kInvalidParameter = 87;
inline constexpr Code kBadDevice = 1200;
inline constexpr Code kConnectionUnavail = 1201;
inline constexpr Code kDeviceAlreadyRemembered = 1202;
inline constexpr Code kCannotOpenProfile = 1205;
inline constexpr Code kBadProfile = 1206;
inline constexpr Code kExtendedError = 1208;
inline constexpr Code kNoNetwork = 1222;
inline constexpr Code kNotConnected = 2250;
inline constexpr Code kOpenFiles = 2401;
inline constexpr Code kDeviceInUse = 2404;
}  // namespace code

struct CodeName {
  Code code;
  std::string_view name;
};

// Every code with a symbolic name, in ascending order.
const std::vector<CodeName>& known_codes();

// The seven return codes the WNetCancelConnection page documents.
const std::vector<Code>& seed_cancel_codes();

std::optional<Code> code_from_name(std::string_view name);

// "ERROR_OPEN_FILES (2401)" for known codes, the number otherwise.
std::string describe_code(Code c);

// "ERROR_OPEN_FILES", or the decimal number for an unnamed code.
std::string code_name(Code c);

}  // namespace wnc
