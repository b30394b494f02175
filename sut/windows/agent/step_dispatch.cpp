#include <type_traits>

#include "steps.h"

namespace wnc::win {

namespace {

// The agent's process stands for one declared logon; a step as any other one needs a
// second logon, which this agent cannot make.
void check_actor(const AgentState& state, const std::string& as) {
  if (as == kSystemLogon)
    throw Unsupported("steps as 'system' need a LocalSystem logon distinct from the agent's, which it cannot make");
  if (!state.setup.logons.count(as)) throw InvalidRequest("step as '" + as + "', a logon the reset did not declare");
  if (as != state.identity)
    throw Unsupported("the agent's process stands for one logon" +
                      (state.identity.empty() ? std::string(" and this scenario declares several")
                                              : " ('" + state.identity + "')") +
                      "; a step as '" + as + "' needs another logon");
}

}  // namespace

Result run_step(AgentState& state, const Step& step) {
  if (!state.unsupported.empty()) throw Unsupported(state.unsupported);
  if (const std::string* as = step_actor(step)) check_actor(state, *as);
  return std::visit(
      [&](const auto& s) -> Result {
        using T = std::decay_t<decltype(s)>;
        if constexpr (std::is_same_v<T, AddStep>) return add_step(s);
        else if constexpr (std::is_same_v<T, CancelStep>) return cancel_step(s);
        else if constexpr (std::is_same_v<T, GetConnectionStep>) return get_connection_step(s);
        else if constexpr (std::is_same_v<T, DrivesStep>) return drives_step();
        else if constexpr (std::is_same_v<T, QueryDosDeviceStep>) return query_dos_device_step(s);
        else if constexpr (std::is_same_v<T, OpenStep>) return open_step(state, s);
        else if constexpr (std::is_same_v<T, CloseStep>) return close_step(state, s);
        else if constexpr (std::is_same_v<T, IoStep>) return io_step(state, s);
        else if constexpr (std::is_same_v<T, ChdirStep>) return chdir_step(state, s);
        else if constexpr (std::is_same_v<T, JobStep>) return job_step(state, s);
        else if constexpr (std::is_same_v<T, EndJobStep>) return end_job_step(state, s);
        else if constexpr (std::is_same_v<T, ProfileFaultStep>) return profile_fault_step(state, s);
        else if constexpr (std::is_same_v<T, ProviderFaultStep>) return provider_fault_step(state, s);
        else if constexpr (std::is_same_v<T, LastErrorStep>) return last_error_step();
        else if constexpr (std::is_same_v<T, LogonStep>)
          throw Unsupported("logon: the agent cannot create a logon (on Wine every token is one fake identity)");
        else if constexpr (std::is_same_v<T, ProfileStep>) return profile_step(state, s);
        else if constexpr (std::is_same_v<T, LogoffStep>)
          throw Unsupported("logoff: the agent's logon is its own process identity, which cannot log off");
        else static_assert(sizeof(T) == 0, "the Windows agent does not perform this step type (docs/extending.md)");
      },
      step);
}

}  // namespace wnc::win
