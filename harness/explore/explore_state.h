// What the explorer tracks per generated sequence: the model's world, plus what the scenario
// loader checks (scenario/validity.h), so that every saved sequence loads as a scenario.
#pragma once

#include <optional>

#include "reference_model.h"
#include "scenario/validity.h"

namespace wnc {

struct ExploreState {
  explicit ExploreState(const Setup& setup) : world(model::initial_state(setup)), validity(setup) {}

  model::State world;
  Validity validity;
  // The last step applied and what the model answered: the generator looks again at what a
  // step that succeeded changed (explore/step_generator.cpp, "look-again").
  std::optional<Step> last_step;
  Code last_rc = code::kNoError;

  // True when `step` is a valid next step that the model decides: the loader accepts it and
  // it is inside the model's domain (model::outside_domain). Shrinking re-checks it, so a
  // shrink that drops the add a UNC open relied on is refused, not explored.
  bool accepts(const Step& step) const { return !validity.check(step) && !model::outside_domain(world, step); }
  // Applies `step`; returns what the model says it returns. Throws InternalError when the
  // model's invariants no longer hold: a bug in wnetconf, not a divergence.
  Result apply(const Step& step);
};

}  // namespace wnc
