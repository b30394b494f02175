// The JSON form of steps, setups and results: agent protocol v1 (docs/agent-protocol.md). The scenario
// loader decodes YAML through the same functions, so both speak one language.
#pragma once

#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <vector>

#include "vocabulary/result.h"
#include "vocabulary/input_error.h"
#include "vocabulary/setup.h"
#include "vocabulary/step.h"

namespace wnc {

// A value that does not fit the language. `path` leads from the decoded object to the
// offending value (object keys, or array indices in decimal); `what()` says what was expected.
class DecodeError : public InputError {
 public:
  DecodeError(std::vector<std::string> path, const std::string& message)
      : InputError(message), path_(std::move(path)) {}
  const std::vector<std::string>& path() const { return path_; }
  std::string where() const;  // "/cancel/force"

 private:
  std::vector<std::string> path_;
};

nlohmann::json step_to_json(const Step& step);
Step step_from_json(const nlohmann::json& j);

nlohmann::json setup_to_json(const Setup& setup);  // the fields of a reset request
Setup setup_from_json(const nlohmann::json& j);    // reads profile, network, logons

nlohmann::json result_to_json(const Result& result);
Result result_from_json(const nlohmann::json& j);

}  // namespace wnc
