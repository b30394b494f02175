// Decodes one next step from the model's state and one drawn value (explore/step_draw.h):
// real logons, devices, handles and jobs, with the names and knobs the case's swarm enables,
// and steps aimed at the situations where the rare answers are. A value of zero is the
// plainest step of the menu.
#pragma once

#include <cstdint>
#include <memory>

#include "explore/explore_state.h"
#include "explore/step_draw.h"
#include "explore/swarm.h"

namespace wnc {

struct GeneratedStep {
  Step step;
  const char* entry;  // the menu entry that made it: a step kind or an aim's name
};

// Decodes the steps of one case: the swarm's menu is read once, each step against the state.
class StepDecoder {
 public:
  explicit StepDecoder(const Swarm& swarm);  // keeps a reference: the swarm outlives it
  ~StepDecoder();
  // Not const: it reads the state into lists it keeps, to refill at the next step.
  GeneratedStep decode(const ExploreState& state, std::uint64_t value);

 private:
  struct Menu;
  std::unique_ptr<Menu> menu_;
};

}  // namespace wnc
