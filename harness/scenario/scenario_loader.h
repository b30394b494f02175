// Reads scenario files (YAML, SPEC 2.1) and rejects bad input before anything runs.
#pragma once

#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

#include "scenario/scenario.h"

#include "vocabulary/input_error.h"

namespace wnc {

// Bad input: what() is "file:line:column: message", or "file: message" without a position.
class ScenarioError : public InputError {
 public:
  ScenarioError(std::string file, int line, int column, const std::string& message);
  const std::string& file() const { return file_; }
  int line() const { return line_; }
  int column() const { return column_; }
  const std::string& message() const { return message_; }

 private:
  std::string file_;
  int line_, column_;
  std::string message_;
};

// `name` is used in messages in place of a path.
Scenario parse_scenario(const std::string& yaml_text, const std::string& name);
Scenario load_scenario(const std::filesystem::path& file);

// Files and folders (searched recursively for *.yaml, in path order). Rejects duplicate ids.
std::vector<Scenario> load_scenarios(const std::vector<std::filesystem::path>& paths);

// The YAML text of a scenario, loadable by parse_scenario (the explorer's regressions).
std::string scenario_to_yaml(const Scenario& scenario);

}  // namespace wnc
