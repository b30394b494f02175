// What the explorer tracks per generated sequence: the model's world, plus the names the
// scenario loader will insist on, so that every saved sequence loads as a scenario.
#pragma once

#include <set>
#include <string>

#include "reference_model.h"

namespace wnc {

struct ExploreState {
  explicit ExploreState(model::State w) : world(std::move(w)) {}

  model::State world;
  std::set<std::string> declared_handles, open_handles;  // as the loader counts them
  std::set<std::string> declared_jobs, active_jobs;

  // True when `step` is a valid next step: the model and the loader both accept it.
  bool accepts(const Step& step) const;
  // Applies `step`; returns what the model says it returns. Throws InternalError when the
  // model's invariants no longer hold: a bug in wnetconf, not a divergence.
  Result apply(const Step& step);
};

}  // namespace wnc
