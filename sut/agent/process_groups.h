// The process groups of the agents alive now, so that a harness interrupted by a signal
// can end them before it exits: an agent runs in a group of its own, which Ctrl-C at the
// terminal does not reach.
#pragma once

#include <sys/types.h>

namespace wnc {

// Records the group led by `leader`; false when the table (kMaxAgentGroups) is full.
bool track_agent_group(pid_t leader);
void untrack_agent_group(pid_t leader);

// SIGKILLs every recorded group and reaps its leader. Async-signal-safe.
void kill_agent_groups();

inline constexpr int kMaxAgentGroups = 64;

}  // namespace wnc
