// How the agent tests start tests/sut/agent/fake_agent.cpp, and the world they reset it to.
#pragma once

#include <optional>
#include <string>

#include "agent/process_sut.h"

namespace wnc {

inline ProcessSutOptions fake(const std::string& args, int step_deadline_ms = 5000) {
  ProcessSutOptions o;
  o.command = "exec '" FAKE_AGENT_PATH "' " + args;  // exec: the agent is our child
  o.step_deadline_ms = step_deadline_ms;
  o.start_deadline_ms = 5000;
  return o;
}

inline Setup one_logon() {
  Setup s;
  s.logons["alice"] = LogonDecl{"alice", 1, std::nullopt};
  return s;
}

}  // namespace wnc
