// Reads scenario files (YAML, scenarios/README.md) and rejects bad input before anything runs.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "scenario/scenario.h"
#include "scenario/scenario_error.h"

#include "vocabulary/input_error.h"

namespace wnc {

// `name` is used in messages in place of a path.
Scenario parse_scenario(const std::string& yaml_text, const std::string& name);
Scenario load_scenario(const std::filesystem::path& file);

// Files and folders (searched recursively for *.yaml, in path order). Rejects duplicate ids
// and folders without scenarios. One broken file throws its ScenarioError; several, an
// InputError naming each on a line of its own.
std::vector<Scenario> load_scenarios(const std::vector<std::filesystem::path>& paths);

}  // namespace wnc
