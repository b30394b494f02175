#include "run/verdicts.h"

#include <algorithm>

#include "requirements.h"

namespace wnc {

const char* RequirementStatus::verdict() const {
  if (scenarios.empty()) return "not tested";
  if (!failing.empty()) return "not met";
  if (!known.empty()) return "known divergence";
  return "met";
}

std::vector<RequirementStatus> requirement_statuses(const RunReport& r) {
  std::vector<RequirementStatus> out;
  for (const auto& req : requirements()) {
    RequirementStatus s;
    s.id = std::string(req.id);
    for (const auto& o : r.outcomes) {
      const auto& covers = o.scenario->covers;
      if (std::find(covers.begin(), covers.end(), s.id) == covers.end()) continue;
      if (o.status == Status::NotSupported) {
        ++s.not_supported;
        continue;
      }
      s.scenarios.push_back(o.scenario->id);
      if (o.status == Status::Failed || o.status == Status::UnexpectedPass) s.failing.push_back(o.scenario->id);
      if (o.status == Status::KnownDivergence) s.known.push_back(o.scenario->id);
    }
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace wnc
