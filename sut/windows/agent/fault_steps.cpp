#include "../common/shared_net.h"
#include "../common/text.h"
#include "profile_faults.h"
#include "steps.h"

namespace wnc::win {

namespace {

// The agent's process has one user; its profile is the one HKCU opens.
void require_own_profile(const AgentState& state, const std::string& user, const char* what) {
  auto identity = state.setup.logons.find(state.identity);
  if (identity == state.setup.logons.end() || identity->second.user != user)
    throw Unsupported(std::string(what) + " for user '" + user + "': the agent can only reach the profile of " +
                      (state.identity.empty() ? std::string("its own user")
                                              : "'" + identity->second.user + "', the user of its logon"));
}

}  // namespace

Result profile_step(const AgentState& state, const ProfileStep& s) {
  require_own_profile(state, s.user, "the profile");
  std::wstring remote;
  Result r = code(read_profile_entry(widen(s.device), remote));
  if (r.rc == NO_ERROR) r.remote = narrow(remote);
  return r;
}

Result profile_fault_step(AgentState& state, const ProfileFaultStep& s) {
  require_own_profile(state, s.user, "a profile fault");
  switch (s.health) {
    case ProfileHealth::Unreadable: return code(make_profile_unreadable(state.saved_profile_security));
    case ProfileHealth::Corrupt: return code(corrupt_profile_entry(widen(s.device)));
    case ProfileHealth::Ok: return code(heal_profile(state.saved_profile_security));
  }
  return code(ERROR_INVALID_PARAMETER);
}

Result provider_fault_step(const AgentState& state, const ProviderFaultStep& s) {
  if (!state.platform.provider_loaded)
    throw Unsupported("provider faults: mpr did not load wnetconf-np.dll (is it registered?)");
  SharedNetLock lock;
  if (!lock.get()) return code(GetLastError());
  ProviderFault& fault = lock.get()->fault;
  fault.remaining = s.times;
  fault.code = s.code;
  set_text(fault.text, widen(s.text));
  set_text(fault.provider, widen(s.name));
  return code(NO_ERROR);
}

}  // namespace wnc::win
