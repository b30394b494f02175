// How a run is told to machines: the --json summary line and each scenario's outcome.
#pragma once

#include <nlohmann/json.hpp>

#include "run/runner.h"

namespace wnc {

nlohmann::json summary_json(const RunReport& report);
nlohmann::json outcome_json(const ScenarioOutcome& outcome);

}  // namespace wnc
