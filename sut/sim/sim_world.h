// One simulated machine: the components wired in dependency order, started from a Setup.
// Also what happens, component by component, when a logon session ends.
#pragma once

#include "handle_table.h"
#include "io_manager.h"
#include "logon_sessions.h"
#include "mutants.h"
#include "object_namespace.h"
#include "processes.h"
#include "profile.h"
#include "redirector.h"
#include "registry.h"
#include "router.h"
#include "spooler.h"
#include "vocabulary/setup.h"

namespace wnc::sim {

class SimWorld {
 public:
  // LocalSystem first, then the declared logons in name order: LUIDs are deterministic.
  // Throws std::invalid_argument if the setup declares `system` or a link P-LINKED forbids.
  SimWorld(const Setup& setup, Mutants mutants);
  SimWorld(const SimWorld&) = delete;
  SimWorld& operator=(const SimWorld&) = delete;

  // Throws std::invalid_argument for LocalSystem.
  void logoff(Luid luid);

  Registry registry;
  ObjectNamespace ns;
  LogonSessions sessions;
  HandleTable handles;
  Redirector redirector;
  IoManager io;
  Processes processes;
  Spooler spooler;
  Profile profile;
  Router router;
};

}  // namespace wnc::sim
