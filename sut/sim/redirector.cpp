#include "redirector.h"

#include "names.h"
#include "vocabulary/internal_error.h"

namespace wnc::sim {

Redirector::Redirector(const Network& network, ObjectNamespace& ns, HandleTable& handles,
                       const LogonSessions& sessions, Registry& registry, Mutants mutants)
    : ns_(ns), handles_(handles), sessions_(sessions), registry_(registry), mutants_(mutants) {
  for (const std::string& s : network.shares) shares_.insert(remote_key(s));
  for (const std::string& p : network.printers) printers_.insert(remote_key(p));
}

void Redirector::arm_fault(const ExtendedError& error, int times) {
  fault_ = error;
  fault_remaining_ = times;
}

bool Redirector::take_fault(ExtendedError* error) {
  if (fault_remaining_ <= 0) return false;
  --fault_remaining_;
  *error = fault_;
  return true;
}

bool Redirector::on_network(const std::string& remote, ResourceType type) const {
  const auto& names = type == ResourceType::Print ? printers_ : shares_;
  return names.count(remote_key(remote)) > 0;
}

bool Redirector::same_remote(const std::string& a, const std::string& b) const {
  if (mutants_.has(Mutant::CaseSensitiveNames))
    return strip_trailing_backslash(a) == strip_trailing_backslash(b);
  return remote_key(a) == remote_key(b);
}

bool Redirector::linked_connections_enabled() const {
  if (mutants_.has(Mutant::LinkedNotMirrored)) return false;
  RegKey* key = nullptr;
  if (registry_.open_key(kPoliciesSystemKey, &key) != code::kNoError) return false;
  const RegValue* v = key->value("EnableLinkedConnections");
  return v && v->type == RegType::Dword && v->dword == 1;
}

Code Redirector::add(Luid luid, const std::optional<std::string>& device, const std::string& remote,
                     ResourceType type, ExtendedError* error) {
  if (take_fault(error)) return code::kExtendedError;
  if (!on_network(remote, type)) return code::kBadNetName;
  if (!device) {
    for (auto& [id, c] : connections_) {
      if (!c.device && c.type == type && c.holders.count(luid) && same_remote(c.remote, remote)) {
        ++c.uses;
        return code::kNoError;
      }
    }
    connections_[next_id_++] = {{luid}, std::nullopt, remote, type, 1, {}};
    return code::kNoError;
  }
  // What the workstation service's DefineDosDevice would name: ;Z:<luid>\server\share.
  Connection c{{luid}, device, remote, type, 1, {}};
  std::string share = strip_trailing_backslash(remote);  // "\\fs1\docs" -> "\fs1\docs"
  if (share.starts_with('\\')) share.erase(0, 1);
  c.target = R"(\Device\LanmanRedirector\;)" + *device + luid_hex(luid) + share;
  bool created = ns_.create_link(ns_.dos_devices(luid), *device, c.target);
  WNC_ASSERT(created, "MPR checked that the device is free");
  if (linked_connections_enabled()) {
    // A partner that already uses the letter keeps its own; the mirror is skipped.
    if (auto p = sessions_.partner(luid);
        p && ns_.create_link(ns_.dos_devices(*p), *device, c.target))
      c.holders.insert(*p);
  }
  connections_[next_id_++] = std::move(c);
  return code::kNoError;
}

Code Redirector::prepare_cancel(Luid luid, const std::string& name, bool force, CancelPlan* plan,
                                ExtendedError* error) {
  if (take_fault(error)) return code::kExtendedError;
  const std::optional<std::string> device = device_name(name);
  plan->connections.clear();
  for (const auto& [id, c] : connections_) {
    if (!c.holders.count(luid)) continue;
    const bool hit = device ? c.device == device
                            : same_remote(c.remote, name) &&
                                  (!c.device || mutants_.has(Mutant::RemoteCancelDropsDevices));
    if (hit) plan->connections.push_back(id);
  }
  if (plan->connections.empty()) return code::kNotConnected;
  if (force && !mutants_.has(Mutant::ForceIgnored)) return code::kNoError;
  int files = 0;
  int dirs = 0;
  for (ConnId id : plan->connections) {
    files += handles_.count_open(id, HandleKind::File);
    dirs += handles_.count_open(id, HandleKind::Directory);
  }
  if (mutants_.has(Mutant::DirCheckBeforeFiles) && dirs > 0) return code::kDeviceInUse;
  if (files > 0) return code::kOpenFiles;
  if (dirs > 0) return code::kDeviceInUse;
  return code::kNoError;
}

void Redirector::commit_cancel(const CancelPlan& plan) {
  for (ConnId id : plan.connections) {
    Connection& c = connections_.at(id);
    if (!c.device && c.uses > 1 && mutants_.has(Mutant::DevicelessCancelOneUse)) {
      --c.uses;
      continue;
    }
    remove(id);
  }
}

void Redirector::remove(ConnId id) {
  const Connection& c = connections_.at(id);
  if (c.device)
    for (Luid holder : c.holders) ns_.delete_link(ns_.dos_devices(holder), *c.device);
  handles_.orphan_on(id);
  connections_.erase(id);
}

Code Redirector::get_connection(Luid luid, const std::string& device, std::string* remote) const {
  for (const auto& [id, c] : connections_) {
    bool hit = c.device == device && c.holders.count(luid);
    // The bug: asking the DOS namespace, which also shows LocalSystem's global links.
    if (mutants_.has(Mutant::GetConnectionSeesGlobal))
      hit = c.device == device && ns_.resolve(luid, device) == c.target;
    if (hit) {
      *remote = c.remote;
      return code::kNoError;
    }
  }
  return code::kNotConnected;
}

std::optional<ConnId> Redirector::connection_at(const std::string& target,
                                                ResourceType type) const {
  for (const auto& [id, c] : connections_)
    if (c.device && c.type == type && c.target == target) return id;
  return std::nullopt;
}

std::optional<ConnId> Redirector::deviceless(Luid luid, const std::string& remote,
                                             ResourceType type) const {
  for (const auto& [id, c] : connections_)
    if (!c.device && c.type == type && c.holders.count(luid) && same_remote(c.remote, remote))
      return id;
  return std::nullopt;
}

void Redirector::logoff(Luid luid) {
  std::vector<ConnId> gone;
  for (auto& [id, c] : connections_) {
    if (!c.holders.count(luid)) continue;
    const bool shared = c.holders.size() > 1;
    if (shared && !mutants_.has(Mutant::LogoffDropsLinked)) {
      ns_.delete_link(ns_.dos_devices(luid), *c.device);
      c.holders.erase(luid);
    } else {
      gone.push_back(id);
    }
  }
  for (ConnId id : gone) remove(id);
}

}  // namespace wnc::sim
