#include "explore/explore_state.h"

#include "invariants.h"
#include "run/run_summary.h"
#include "vocabulary/internal_error.h"

namespace wnc {

bool ExploreState::accepts(const Step& step) const {
  // P-INVALID, checked without running the model: this is on the explorer's hot path.
  auto live = [&](const std::string& logon) { return world.logons.count(logon) > 0; };
  if (const std::string* as = step_actor(step); as && !live(*as)) return false;
  return std::visit(
      [&](const auto& s) {
        using T = std::decay_t<decltype(s)>;
        if constexpr (std::is_same_v<T, OpenStep>) return !open_handles.count(s.handle);
        if constexpr (std::is_same_v<T, CloseStep> || std::is_same_v<T, IoStep>) return declared_handles.count(s.handle) > 0;
        if constexpr (std::is_same_v<T, JobStep>) return !active_jobs.count(s.job);
        if constexpr (std::is_same_v<T, EndJobStep>) return declared_jobs.count(s.job) > 0;
        if constexpr (std::is_same_v<T, LogonStep>)
          return !live(s.name) && (!s.linked || (live(*s.linked) && *s.linked != kSystemLogon &&
                                                 world.logons.at(*s.linked).user == s.user &&
                                                 !world.logons.at(*s.linked).partner));
        if constexpr (std::is_same_v<T, LogoffStep>) return s.as != kSystemLogon;
        return true;
      },
      step);
}

Result ExploreState::apply(const Step& step) {
  std::visit(
      [&](const auto& s) {
        using T = std::decay_t<decltype(s)>;
        if constexpr (std::is_same_v<T, OpenStep>) {
          declared_handles.insert(s.handle);
          open_handles.insert(s.handle);
        }
        if constexpr (std::is_same_v<T, CloseStep>) open_handles.erase(s.handle);
        if constexpr (std::is_same_v<T, JobStep>) {
          declared_jobs.insert(s.job);
          active_jobs.insert(s.job);
        }
        if constexpr (std::is_same_v<T, EndJobStep>) active_jobs.erase(s.job);
      },
      step);
  Result result = model::apply(world, step);
  if (auto broken = model::check_invariants(world))
    throw InternalError("the model broke an invariant after " + describe_step(step) + ": " + *broken);
  return result;
}

}  // namespace wnc
