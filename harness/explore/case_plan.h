// A case decided against the model: its steps decoded from the drawn values, and the model's
// answers. Nothing in a plan waits on the implementation, so a whole case can be in flight at
// once (Sut::run_case).
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <string>
#include <vector>

#include "explore/coverage.h"
#include "explore/explore_state.h"
#include "explore/step_generator.h"
#include "explore/swarm.h"
#include "sut.h"
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

// One step applied to `state`: the model's answer, what it exercises, and (judge_worlds)
// whether it left the model's world as it was. The step must be one `state` accepts. Throws
// InternalError when the model breaks an invariant.
PlannedStep plan_step(ExploreState& state, Step step, const char* entry, bool judge_worlds);

// A case's steps, decoded from the drawn values against the model's state one at a time, when
// they are asked for: the implementation runs the first steps while the next are decided. A
// value whose step the state does not accept (scenario/validity.h, the model's domain) is
// skipped, so every shrink of the values is a valid case. One plan at a time per decoder.
class CasePlan {
 public:
  CasePlan(StepDecoder& decoder, const Swarm& swarm, const std::vector<std::uint64_t>& values, bool judge_worlds);
  // The i-th step, planned now if it was not yet; null when the values give no more.
  const PlannedStep* at(std::size_t i);
  // The steps from the first, for Sut::run_case.
  StepSource steps();

 private:
  StepDecoder& decoder_;
  const std::vector<std::uint64_t>& values_;
  std::size_t next_value_ = 0;
  ExploreState state_;
  bool judge_worlds_;
  std::deque<PlannedStep> planned_;  // a deque: a step asked for stays where it is
};

}  // namespace wnc
