// What the explorer tracks per generated sequence: the model's world, plus what the scenario
// loader checks (scenario/validity.h), so that every saved sequence loads as a scenario.
#pragma once

#include "reference_model.h"
#include "scenario/validity.h"

namespace wnc {

struct ExploreState {
  explicit ExploreState(const Setup& setup) : world(model::initial_state(setup)), validity(setup) {}

  model::State world;
  Validity validity;

  // True when `step` is a valid next step: the model and the loader both accept it.
  bool accepts(const Step& step) const { return !validity.check(step); }
  // Applies `step`; returns what the model says it returns. Throws InternalError when the
  // model's invariants no longer hold: a bug in wnetconf, not a divergence.
  Result apply(const Step& step);
};

}  // namespace wnc
