// Generates one next step from the model's state: real logons, devices, handles and jobs,
// with the names and knobs the case's swarm enables. Values shrink toward the plainest.
#pragma once

#include <rapidcheck.h>

#include "explore/explore_state.h"
#include "explore/swarm.h"

namespace wnc {

rc::Gen<Step> gen_step(const ExploreState& state, const Swarm& swarm);

}  // namespace wnc
