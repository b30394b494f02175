#include "explore/explore_state.h"

#include "invariants.h"
#include "run/describe.h"
#include "vocabulary/internal_error.h"

namespace wnc {

Result ExploreState::apply(const Step& step) {
  validity.apply(step);
  Result result = model::apply(world, step);
  if (auto broken = model::check_invariants(world))
    throw InternalError("the model broke an invariant after " + describe_step(step) + ": " + *broken);
  last_step = step;
  last_rc = result.rc;
  return result;
}

}  // namespace wnc
