#include "explore/case_plan.h"

#include <optional>

#include "explore/coverage.h"
#include "explore/explore_state.h"
#include "explore/going_on.h"
#include "explore/step_generator.h"

namespace wnc {

std::vector<PlannedStep> plan_case(StepDecoder& decoder, const Swarm& swarm, const std::vector<std::uint64_t>& values,
                                   bool judge_worlds) {
  std::vector<PlannedStep> plan;
  plan.reserve(values.size());
  ExploreState state(swarm.setup);
  decoder.start(swarm);
  for (const std::uint64_t value : values) {
    GeneratedStep g = decoder.decode(state, value);
    if (!state.accepts(g.step)) continue;
    plan.push_back(plan_step(state, std::move(g.step), g.entry, judge_worlds));
  }
  return plan;
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
