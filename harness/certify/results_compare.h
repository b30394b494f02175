// `verify --rerun`: whether a re-run found what the bundle records, and `verify --diff`:
// how two certifications' requirement verdicts, scenarios and steps differ.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace wnc {

// Every difference between the recorded results and a re-run's, in words ("scenario X:
// recorded passed, re-run failed", "scenario X step 3: recorded ..., re-run ..."); empty
// when they agree. Timings and the --sut spelling are not compared: the same
// implementation may be reached another way.
std::vector<std::string> compare_results(const nlohmann::json& recorded, const nlohmann::json& rerun);

struct RequirementChange {
  std::string id;
  std::string before, after;  // verdicts; "absent" when a bundle does not list the requirement
};

// `verify --diff`: each scenario whose status differs, and each step whose answer differs,
// in words ("scenario X: old passed, new failed", "scenario X step 3: old ..., new ... (diverged)").
std::vector<std::string> scenario_changes(const nlohmann::json& before, const nlohmann::json& after);

// Requirements whose verdict differs between two results documents, in catalog order.
std::vector<RequirementChange> requirement_changes(const nlohmann::json& before, const nlohmann::json& after);

}  // namespace wnc
