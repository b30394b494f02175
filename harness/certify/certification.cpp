#include "certify/certification.h"

#include <algorithm>

#include "run/verdicts.h"

namespace wnc {

bool Certification::exploration_passed() const {
  return std::all_of(exploration.begin(), exploration.end(), [](const ExplorationBlock& b) { return b.report.passed; });
}

bool Certification::tested_a_requirement() const {
  for (const RequirementStatus& s : requirement_statuses(run))
    if (!s.scenarios.empty()) return true;
  return false;
}

bool Certification::conformant() const { return run.conformant() && exploration_passed() && tested_a_requirement(); }

const char* Certification::verdict() const {
  if (!conformant()) return "not conformant";
  return run.count(Status::KnownDivergence) ? "conformant with known divergences" : "conformant";
}

}  // namespace wnc
