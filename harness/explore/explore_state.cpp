#include "explore/explore_state.h"

namespace wnc {

Result ExploreState::apply(const Step& step) {
  validity.apply(step);
  return model::apply(world, step);
}

}  // namespace wnc
