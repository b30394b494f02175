#include "explore/case_plan.h"

#include <optional>

#include "explore/coverage.h"
#include "explore/explore_state.h"
#include "explore/going_on.h"
#include "explore/step_generator.h"

namespace wnc {

CasePlan::CasePlan(StepDecoder& decoder, const Swarm& swarm, const std::vector<std::uint64_t>& values, bool judge_worlds)
    : decoder_(decoder), values_(values), state_(swarm.setup), judge_worlds_(judge_worlds) {
  decoder_.start(swarm);
}

const PlannedStep* CasePlan::at(std::size_t i) {
  while (planned_.size() <= i && next_value_ < values_.size()) {
    GeneratedStep g = decoder_.decode(state_, values_[next_value_++]);
    if (state_.accepts(g.step)) planned_.push_back(plan_step(state_, std::move(g.step), g.entry, judge_worlds_));
  }
  return i < planned_.size() ? &planned_[i] : nullptr;
}

StepSource CasePlan::steps() {
  return [this, i = std::size_t{0}]() mutable -> const Step* {
    const PlannedStep* p = at(i++);
    return p ? &p->step : nullptr;
  };
}

PlannedStep plan_step(ExploreState& state, Step step, const char* entry, bool judge_worlds) {
  PlannedStep p{std::move(step), entry, {}, {}};
  p.exercised = requirements_of_situation(state.world, p.step);
  std::optional<model::State> before;
  if (judge_worlds) before = state.world;
  p.want = state.apply(p.step);
  p.leaves_world = before && model_leaves_world(*before, state.world);
  add_requirements_of_answer(p.step, p.want, p.exercised);
  return p;
}

}  // namespace wnc
