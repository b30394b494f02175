// How a run is told to machines: the --json summary line and each scenario's outcome.
#pragma once

#include <nlohmann/json.hpp>

#include "run/runner.h"
#include "run/verdicts.h"

namespace wnc {

nlohmann::json summary_json(const RunReport& report);
nlohmann::json outcome_json(const ScenarioOutcome& outcome);
// [{scenario, step, why?}]
nlohmann::json step_refs_json(const std::vector<StepRef>& refs);

}  // namespace wnc
