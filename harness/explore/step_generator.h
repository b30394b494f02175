// Generates one next step from the model's state: real logons, devices, handles and jobs,
// with the names and knobs the case's swarm enables, and steps aimed at the situations where
// the rare answers are. Values shrink toward the plainest.
#pragma once

#include <rapidcheck.h>

#include <memory>

#include "explore/explore_state.h"
#include "explore/swarm.h"

namespace wnc {

struct GeneratedStep {
  Step step;
  const char* entry;  // the menu entry that made it: a step kind or an aim's name
};

// The swarm is shared, not copied: every generated step of a case holds on to it.
rc::Gen<GeneratedStep> gen_step(const ExploreState& state, const std::shared_ptr<const Swarm>& swarm);

}  // namespace wnc
