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

// Decodes the steps of a case: the swarm's menu is read once, each step against the state.
// One decoder serves case after case (start), keeping the room its lists have grown.
class StepDecoder {
 public:
  StepDecoder();
  explicit StepDecoder(const Swarm& swarm);  // started on it
  ~StepDecoder();
  // The next case's: keeps a reference, so the swarm outlives its steps' decoding.
  void start(const Swarm& swarm);
  // Not const: it reads the state into lists it keeps, to refill at the next step.
  GeneratedStep decode(const ExploreState& state, std::uint64_t value);

 private:
  struct Menu;
  std::unique_ptr<Menu> menu_;
};

}  // namespace wnc
