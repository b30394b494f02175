// Writes a scenario as YAML text of the scenario language (the explorer's regressions).
#pragma once

#include <string>

#include "scenario/scenario.h"

namespace wnc {

// Loadable by parse_scenario: strings single-quoted, so backslashes stay literal.
std::string scenario_to_yaml(const Scenario& scenario);

}  // namespace wnc
