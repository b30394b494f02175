// A return code as scenario and ledger files write it: a name such as ERROR_OPEN_FILES
// (model/vocabulary/codes.cpp) or a number.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "scenario/yaml_document.h"
#include "vocabulary/codes.h"

namespace wnc {

// Throws ScenarioError at `path` when `value` is neither.
Code decode_code(const YamlDocument& doc, const nlohmann::json& value, const std::string& path);

}  // namespace wnc
