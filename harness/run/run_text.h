// How a run is told to people: a line per notable scenario with its failing steps, and totals.
#pragma once

#include <ostream>

#include "run/runner.h"

namespace wnc {

// A failing (or otherwise notable) scenario with each failing step, expected vs got.
void print_outcome(std::ostream& out, const ScenarioOutcome& outcome);
void print_totals(std::ostream& out, const RunReport& report);

}  // namespace wnc
