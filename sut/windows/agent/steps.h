// The steps of the scenario language, each done with the real API of the platform.
// Return codes are the API's own, raw.
#pragma once

#include "agent_state.h"

namespace wnc::win {

// A result that is only a return code.
inline Result code(DWORD rc) {
  Result r;
  r.rc = rc;
  return r;
}

// Connections and names: mpr, the object namespace.
Result add_step(const AddStep& s);
Result cancel_step(const CancelStep& s);
Result get_connection_step(const GetConnectionStep& s);
Result drives_step();
Result query_dos_device_step(const QueryDosDeviceStep& s);
Result last_error_step();

// Handles, jobs and the current directory: the file system through the devices.
Result open_step(AgentState& state, const OpenStep& s);
Result close_step(AgentState& state, const CloseStep& s);
Result io_step(AgentState& state, const IoStep& s);
Result chdir_step(AgentState& state, const ChdirStep& s);
Result job_step(AgentState& state, const JobStep& s);
Result end_job_step(AgentState& state, const EndJobStep& s);

// Faults: the registry for the profile, the shared state for the provider.
Result profile_fault_step(AgentState& state, const ProfileFaultStep& s);
// The profile read back from the registry.
Result profile_step(const AgentState& state, const ProfileStep& s);
Result provider_fault_step(const AgentState& state, const ProviderFaultStep& s);

}  // namespace wnc::win
