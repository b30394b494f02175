// What one step returned: the code and the outputs the step has (docs/agent-protocol.md).
#pragma once

#include <optional>
#include <string>

#include "vocabulary/codes.h"

namespace wnc {

struct Result {
  Code rc = code::kNoError;
  std::optional<std::string> remote;    // get_connection
  std::optional<std::string> target;    // query_dos_device
  std::optional<std::string> drives;    // drives: visible letters, ascending ("CZ")
  std::optional<Code> code;             // last_error: the provider's code
  std::optional<std::string> text;      // last_error
  std::optional<std::string> provider;  // last_error
  std::optional<std::string> unsupported;  // the implementation cannot perform the step

  bool operator==(const Result&) const = default;
};

}  // namespace wnc
