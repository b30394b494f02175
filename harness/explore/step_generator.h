// Generates one next step from the model's state: real logons, devices, handles and jobs,
// with the names and knobs the case's swarm enables. Values shrink toward the plainest.
#pragma once

#include <rapidcheck.h>

#include <memory>

#include "explore/explore_state.h"
#include "explore/swarm.h"

namespace wnc {

// The swarm is shared, not copied: every generated step of a case holds on to it.
rc::Gen<Step> gen_step(const ExploreState& state, const std::shared_ptr<const Swarm>& swarm);

}  // namespace wnc
