// What the agent itself keeps of one scenario: which declared logon its process stands
// for, the handles and jobs it opened and its current directory. The rest of the world
// (connections, devices, the profile) lives in the platform and in the provider.
#pragma once

#include <windows.h>

#include <cstdint>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include "platform.h"
#include "vocabulary/result.h"
#include "vocabulary/setup.h"
#include "vocabulary/step.h"

namespace wnc::win {

// A request that breaks the protocol (P-INVALID): answered {"error":…}.
struct InvalidRequest : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// A step this platform cannot perform: answered {"unsupported":…}.
struct Unsupported : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct OpenHandle {
  HANDLE handle;
  std::uint64_t connection;  // the provider's connection id; 0: on no connection
  bool directory;
};

struct AgentState {
  Platform platform;
  std::wstring start_directory;
  Setup setup;
  std::string identity;     // the declared logon the process stands for; empty: none
  std::string unsupported;  // why no step of this scenario can run here; empty: they can
  std::map<std::string, OpenHandle> handles;
  std::map<std::string, OpenHandle> jobs;
  std::uint64_t cwd_connection = 0;
  std::vector<BYTE> saved_profile_security;  // the DACL an unreadable-profile fault replaced
  bool devices_swept = false;                 // the first reset swept every device name
};

void reset_world(AgentState& state, const Setup& setup);
Result run_step(AgentState& state, const Step& step);

}  // namespace wnc::win
