#include "run/verdicts.h"

#include <algorithm>

#include "requirements.h"
#include "run/step_attribution.h"

namespace wnc {

namespace {

void add_once(std::vector<std::string>& ids, const std::string& id) {
  if (ids.empty() || ids.back() != id) ids.push_back(id);
}

}  // namespace

const char* RequirementStatus::verdict() const {
  if (scenarios.empty() || counted_steps == 0) return "not tested";
  if (!failing.empty()) return "not met";
  if (!known.empty()) return "known divergence";
  return "met";
}

std::vector<RequirementStatus> requirement_statuses(const RunReport& r) {
  std::vector<RequirementStatus> out;
  for (const auto& req : requirements()) {
    RequirementStatus s;
    s.id = std::string(req.id);
    const std::vector<std::string> just_this = {s.id};
    for (const auto& o : r.outcomes) {
      const Scenario& sc = *o.scenario;
      if (std::find(sc.covers.begin(), sc.covers.end(), s.id) == sc.covers.end()) continue;
      if (o.status == Status::NotSupported) {
        ++s.not_supported;
        continue;
      }
      s.scenarios.push_back(sc.id);
      if (o.status == Status::UnexpectedPass) add_once(s.failing, sc.id);  // the ledger is wrong about it
      for (const auto& rec : o.steps) {
        const ScenarioStep& st = sc.steps.at(rec.index);
        const bool about = !requirements_about(st.step, st.expect.rc, rec.got, just_this).empty();
        const Decider decider = decided_by(st.step, st.expect.rc, rec.got);
        const bool diverged = !rec.mismatches.empty();
        if (!about || !is_implementations_own(decider.layer)) {
          if (diverged)
            s.set_aside.push_back({sc.id, rec.index + 1,
                                   !about ? std::string("this ") + step_kind(st.step) + " is not about it"
                                          : std::string("decided by the ") + layer_name(decider.layer)});
          continue;
        }
        ++s.counted_steps;
        if (!diverged) continue;
        s.diverging.push_back({sc.id, rec.index + 1, ""});
        add_once(o.status == Status::KnownDivergence ? s.known : s.failing, sc.id);
      }
    }
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace wnc
