#include "agent/process_groups.h"

#include <signal.h>
#include <sys/wait.h>

#include <atomic>
#include <cerrno>

namespace wnc {

namespace {

// Lock-free, so that a signal handler may read it at any moment.
std::atomic<pid_t> g_groups[kMaxAgentGroups];
static_assert(std::atomic<pid_t>::is_always_lock_free);

}  // namespace

bool track_agent_group(pid_t leader) {
  for (auto& slot : g_groups) {
    pid_t free = 0;
    if (slot.compare_exchange_strong(free, leader)) return true;
  }
  return false;
}

void untrack_agent_group(pid_t leader) {
  for (auto& slot : g_groups) {
    pid_t mine = leader;
    if (slot.compare_exchange_strong(mine, 0)) return;
  }
}

void kill_agent_groups() {
  for (auto& slot : g_groups)
    if (pid_t leader = slot.load(); leader > 0) kill(-leader, SIGKILL);
  for (auto& slot : g_groups)
    if (pid_t leader = slot.exchange(0); leader > 0)
      while (waitpid(leader, nullptr, 0) < 0 && errno == EINTR) {
      }
}

}  // namespace wnc
