// The LanMan network provider and redirector: the network's shares and printers, every
// logon's connections (device redirections with their DOS device links, deviceless uses
// with use counts), which handles hold them, orphaning, and the provider's own failures.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "handle_table.h"
#include "logon_sessions.h"
#include "mutants.h"
#include "object_namespace.h"
#include "registry.h"
#include "sim_types.h"
#include "vocabulary/setup.h"
#include "vocabulary/step.h"

namespace wnc::sim {

// What the first phase of a cancel found: the connections the second phase removes.
struct CancelPlan {
  std::vector<ConnId> connections;
};

class Redirector {
 public:
  Redirector(const Network& network, ObjectNamespace& ns, HandleTable& handles,
             const LogonSessions& sessions, Registry& registry, Mutants mutants);

  // fault {provider}: the next `times` calls that reach the provider fail with it.
  void arm_fault(const ExtendedError& error, int times);

  // NPAddConnection. MPR has already checked the device name, its kind, that it is free in
  // the caller's view and the profile. ERROR_EXTENDED_ERROR (with *error), ERROR_BAD_NET_NAME
  // or NO_ERROR. Under EnableLinkedConnections the redirection is mirrored into the live
  // linked partner's namespace and shared by both.
  Code add(Luid luid, const std::optional<std::string>& device, const std::string& remote,
           ResourceType type, ExtendedError* error);

  // NPCancelConnection in two phases so that MPR can consult the profile between them and
  // a failing cancel changes nothing. `name` is a device name or taken as a remote name.
  // Phase one consumes a provider fault (ERROR_EXTENDED_ERROR), else finds the caller's
  // connections (ERROR_NOT_CONNECTED if none) and, without force, checks what holds them
  // (ERROR_OPEN_FILES, then ERROR_DEVICE_IN_USE).
  Code prepare_cancel(Luid luid, const std::string& name, bool force, CancelPlan* plan,
                      ExtendedError* error);
  void commit_cancel(const CancelPlan& plan);

  // NPGetConnection for a canonical device: NO_ERROR with the remote as it was given to add,
  // or ERROR_NOT_CONNECTED when the caller holds no redirection of it.
  Code get_connection(Luid luid, const std::string& device, std::string* remote) const;

  // The device redirection of this type a DOS device link target leads to.
  std::optional<ConnId> connection_at(const std::string& target, ResourceType type) const;
  // The caller's deviceless connection of this type to `remote`.
  std::optional<ConnId> deviceless(Luid luid, const std::string& remote, ResourceType type) const;

  // The logon ends: its connections go (a shared one passes to the partner).
  void logoff(Luid luid);

 private:
  struct Connection {
    std::set<Luid> holders;             // the creator, plus the linked partner when shared
    std::optional<std::string> device;  // canonical, for a device redirection
    std::string remote;                 // as given to add
    ResourceType type = ResourceType::Disk;
    int uses = 1;        // deviceless: how many adds it stands for
    std::string target;  // device: the DOS device link's target
  };

  bool take_fault(ExtendedError* error);
  bool on_network(const std::string& remote, ResourceType type) const;
  bool same_remote(const std::string& a, const std::string& b) const;
  bool linked_connections_enabled() const;
  void remove(ConnId id);

  std::set<std::string> shares_;    // remote_key form
  std::set<std::string> printers_;  // remote_key form
  ObjectNamespace& ns_;
  HandleTable& handles_;
  const LogonSessions& sessions_;
  Registry& registry_;
  Mutants mutants_;
  ExtendedError fault_;
  int fault_remaining_ = 0;
  ConnId next_id_ = 1;
  std::map<ConnId, Connection> connections_;
};

}  // namespace wnc::sim
