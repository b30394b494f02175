// Writes a scenario as YAML text of the scenario language (the explorer's regressions).
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "scenario/scenario.h"

namespace wnc {

// Loadable by parse_scenario: strings single-quoted, so backslashes stay literal.
std::string scenario_to_yaml(const Scenario& scenario);

// A JSON value as a YAML flow value: maps and lists inline, strings single-quoted.
std::string yaml_flow(const nlohmann::json& value);

}  // namespace wnc
