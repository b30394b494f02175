#include "vocabulary/codes.h"

#include <algorithm>

namespace wnc {

const std::vector<CodeName>& known_codes() {
  static const std::vector<CodeName> table = {
      {code::kNoError, "NO_ERROR"},
      {code::kFileNotFound, "ERROR_FILE_NOT_FOUND"},
      {code::kPathNotFound, "ERROR_PATH_NOT_FOUND"},
      {code::kInvalidHandle, "ERROR_INVALID_HANDLE"},
      {code::kNotSupported, "ERROR_NOT_SUPPORTED"},
      {code::kUnexpNetErr, "ERROR_UNEXP_NET_ERR"},
      {code::kBadDevType, "ERROR_BAD_DEV_TYPE"},
      {code::kBadNetName, "ERROR_BAD_NET_NAME"},
      {code::kAlreadyAssigned, "ERROR_ALREADY_ASSIGNED"},
      {code::kInvalidParameter, "ERROR_INVALID_PARAMETER"},
      {code::kBadDevice, "ERROR_BAD_DEVICE"},
      {code::kConnectionUnavail, "ERROR_CONNECTION_UNAVAIL"},
      {code::kDeviceAlreadyRemembered, "ERROR_DEVICE_ALREADY_REMEMBERED"},
      {code::kCannotOpenProfile, "ERROR_CANNOT_OPEN_PROFILE"},
      {code::kBadProfile, "ERROR_BAD_PROFILE"},
      {code::kExtendedError, "ERROR_EXTENDED_ERROR"},
      {code::kNoNetwork, "ERROR_NO_NETWORK"},
      {code::kNotConnected, "ERROR_NOT_CONNECTED"},
      {code::kOpenFiles, "ERROR_OPEN_FILES"},
      {code::kDeviceInUse, "ERROR_DEVICE_IN_USE"},
  };
  return table;
}

const std::vector<Code>& seed_cancel_codes() {
  static const std::vector<Code> codes = {
      code::kNoError,       code::kBadProfile,     code::kCannotOpenProfile,
      code::kDeviceInUse,   code::kExtendedError,  code::kNotConnected,
      code::kOpenFiles,
  };
  return codes;
}

std::optional<Code> code_from_name(std::string_view name) {
  const auto& table = known_codes();
  auto it = std::find_if(table.begin(), table.end(),
                         [&](const CodeName& c) { return c.name == name; });
  if (it == table.end()) return std::nullopt;
  return it->code;
}

std::string code_name(Code c) {
  const auto& table = known_codes();
  auto it = std::find_if(table.begin(), table.end(),
                         [&](const CodeName& n) { return n.code == c; });
  if (it == table.end()) return std::to_string(c);
  return std::string(it->name);
}

std::string describe_code(Code c) {
  std::string name = code_name(c);
  if (name == std::to_string(c)) return name;
  return name + " (" + std::to_string(c) + ")";
}

}  // namespace wnc
