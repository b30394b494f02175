// A requirement's verdict over a run: met, not met, known divergence or not tested, from the
// scenarios that cover it.
#pragma once

#include <string>
#include <vector>

#include "run/runner.h"

namespace wnc {

struct RequirementStatus {
  std::string id;
  std::vector<std::string> scenarios;  // ids covering it that ran (not "not supported")
  std::vector<std::string> failing;    // ... that failed or passed unexpectedly
  std::vector<std::string> known;      // ... that diverge as the ledger says
  size_t not_supported = 0;
  const char* verdict() const;  // "met", "not met", "known divergence", "not tested"
};

// One per requirement of the catalog, in its order.
std::vector<RequirementStatus> requirement_statuses(const RunReport& report);

}  // namespace wnc
