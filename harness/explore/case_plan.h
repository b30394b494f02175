// A case decided before it runs: its steps decoded from the drawn values against the model's
// state, and the model's answers. Nothing in a plan waits on the implementation, so a whole
// case can be in flight at once (Sut::run_case).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "explore/coverage.h"
#include "explore/explore_state.h"
#include "explore/step_generator.h"
#include "explore/swarm.h"
#include "vocabulary/result.h"
#include "vocabulary/step.h"

namespace wnc {

struct PlannedStep {
  Step step;
  const char* entry;                   // the generator's menu entry that made it
  Result want;                         // the model's answer
  RequirementIds exercised;  // requirements it exercises
  // model_leaves_world (explore/going_on.h), judged only for a plan that may go on past a
  // divergence: false otherwise.
  bool leaves_world = false;
};

// A value whose step the state does not accept (scenario/validity.h, the model's domain) is
// skipped, so every shrink of the values is a valid case. Throws InternalError when the model
// breaks an invariant.
// One step applied to `state`: the model's answer, what it exercises, and (judge_worlds)
// whether it left the model's world as it was. The step must be one `state` accepts.
PlannedStep plan_step(ExploreState& state, Step step, const char* entry, bool judge_worlds);

std::vector<PlannedStep> plan_case(StepDecoder& decoder, const Swarm& swarm, const std::vector<std::uint64_t>& values,
                                   bool judge_worlds = false);

}  // namespace wnc
