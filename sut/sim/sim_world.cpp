#include "sim_world.h"

#include <stdexcept>

namespace wnc::sim {

namespace {
// EnableLinkedConnections is machine policy: the nt-linked profile is a registry setting.
Registry machine_registry(BehaviourProfile profile) {
  Registry registry;
  registry.create_key(kPoliciesSystemKey)
      .set_value("EnableLinkedConnections",
                 {RegType::Dword, "", profile == BehaviourProfile::NtLinked ? 1u : 0u});
  return registry;
}
}  // namespace

SimWorld::SimWorld(const Setup& setup, Mutants mutants)
    : registry(machine_registry(setup.profile)),
      ns(mutants),
      sessions(ns),
      handles(mutants),
      redirector(setup.network, ns, handles, sessions, registry, mutants),
      io(ns, redirector, handles),
      processes(io, handles, mutants),
      spooler(ns, redirector, handles, mutants),
      profile(registry, mutants),
      router(sessions, ns, redirector, profile, mutants) {
  for (const auto& [name, decl] : setup.logons) sessions.logon(name, decl.user);
  // Declared pairs exist from the start, whatever the names' order.
  for (const auto& [name, decl] : setup.logons)
    if (decl.linked) sessions.link(sessions.require(name), sessions.require(*decl.linked));
}

void SimWorld::logoff(Luid luid) {
  if (luid == kSystemLuid) throw std::invalid_argument("logoff: 'system' never logs off");
  processes.exit(luid);
  redirector.logoff(luid);         // orphans what was on connections that go away
  handles.orphan_opened_by(luid);  // and whatever else the logon had open
  router.logoff(luid);
  sessions.logoff(luid);
}

}  // namespace wnc::sim
