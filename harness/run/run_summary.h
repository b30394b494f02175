// How a run is told: console lines for people, one JSON summary for machines.
#pragma once

#include <nlohmann/json.hpp>
#include <ostream>

#include "run/runner.h"

namespace wnc {

// The step as a one-line flow map: "cancel {as: alice, name: 'Z:', force: false, api: W}".
std::string describe_step(const Step& step);
std::string describe_result(const Result& result);

// A failing (or otherwise notable) scenario with each failing step, expected vs got.
void print_outcome(std::ostream& out, const ScenarioOutcome& outcome);
void print_totals(std::ostream& out, const RunReport& report);

struct RequirementStatus {
  std::string id;
  std::vector<std::string> scenarios;  // ids covering it that ran (not "not supported")
  std::vector<std::string> failing;    // ... that failed or passed unexpectedly
  std::vector<std::string> known;      // ... that diverge as the ledger says
  size_t not_supported = 0;
  const char* verdict() const;  // "met", "not met", "known divergence", "not tested"
};
std::vector<RequirementStatus> requirement_statuses(const RunReport& report);

nlohmann::json summary_json(const RunReport& report);
nlohmann::json outcome_json(const ScenarioOutcome& outcome);

}  // namespace wnc
