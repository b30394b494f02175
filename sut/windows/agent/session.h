// Agent protocol v1 (docs/agent-protocol.md): one request line in, one answer line out.
#pragma once

#include <string>

#include "agent_state.h"
#include "line_io.h"

namespace wnc::win {

// The answer to one request line; sets `bye` when the client said goodbye.
std::string answer(AgentState& state, const std::string& line, bool& bye);

// Answers requests until the client says bye (true) or its input ends (false).
bool serve(AgentState& state, LineIo& io);

}  // namespace wnc::win
