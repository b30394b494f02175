#include "certify/certification.h"

#include <algorithm>

namespace wnc {

bool Certification::exploration_passed() const {
  return std::all_of(exploration.begin(), exploration.end(), [](const ExplorationBlock& b) { return b.report.passed; });
}

bool Certification::conformant() const { return run.conformant() && exploration_passed(); }

const char* Certification::verdict() const {
  if (!conformant()) return "not conformant";
  return run.count(Status::KnownDivergence) ? "conformant with known divergences" : "conformant";
}

}  // namespace wnc
