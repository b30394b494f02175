// A requirement's verdict over a run: met, not met, known divergence or not tested, from the
// steps of its covering scenarios that are about it and that the implementation's own code
// decided (run/step_attribution.h); a diverging step outside those is set aside, with why.
#pragma once

#include <string>
#include <vector>

#include "run/runner.h"

namespace wnc {

struct StepRef {
  std::string scenario;
  size_t step = 0;  // 1-based
  std::string why;  // set aside: why it does not count
};

struct RequirementStatus {
  std::string id;
  std::vector<std::string> scenarios;  // ids covering it that ran (not "not supported")
  std::vector<std::string> failing;    // ... with a counted step that failed, or that passed unexpectedly
  std::vector<std::string> known;      // ... whose counted diverging steps the ledger lists
  size_t counted_steps = 0;            // steps about it that the implementation's own code decided
  std::vector<StepRef> diverging;      // the counted steps that diverged
  std::vector<StepRef> set_aside;      // diverging steps of covering scenarios that do not count
  size_t not_supported = 0;
  const char* verdict() const;  // "met", "not met", "known divergence", "not tested"
};

// One per requirement of the catalog, in its order.
std::vector<RequirementStatus> requirement_statuses(const RunReport& report);

}  // namespace wnc
