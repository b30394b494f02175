#include "invariants.h"

#include <iterator>

namespace wnc::model {

namespace {

using Broken = std::optional<std::string>;

std::string connection_name(ConnectionId id) { return "connection " + std::to_string(id); }

bool is_letter(const std::string& device) { return device.size() == 2; }

bool live_connection_of_type(const State& s, ConnectionId id, ResourceType type) {
  auto it = s.connections.find(id);
  return it != s.connections.end() && it->second.type == type;
}

Broken system_logon(const State& s) {
  auto it = s.logons.find(kSystemLogon);
  if (it == s.logons.end()) return "the system logon is not live";
  if (it->second.user != kSystemUser) return "the system logon's user is '" + it->second.user + "'";
  return std::nullopt;
}

// P-LINKED: a UAC pair is one user's two live tokens, each naming the other; never system.
Broken partners(const State& s) {
  for (const auto& entry : s.logons) {
    const auto& name = entry.first;  // not a structured binding: clang 14 cannot capture one
    const auto& l = entry.second;
    if (!l.partner) continue;
    auto broken = [&](const char* why) { return "logon '" + name + "' is linked to '" + *l.partner + "'" + why; };
    if (name == kSystemLogon || *l.partner == kSystemLogon) return broken(": system is never linked");
    if (*l.partner == name) return broken(": itself");
    auto p = s.logons.find(*l.partner);
    if (p == s.logons.end()) return broken(", which is not live");
    if (p->second.partner != name) return broken(", which is not linked back");
    if (p->second.user != l.user) return broken(", a logon of another user");
  }
  return std::nullopt;
}

Broken connection_ids(const State& s) {
  auto out_of_range = [&](ConnectionId id) { return id < 1 || id >= s.next_connection; };
  for (const auto& [id, c] : s.connections)
    if (out_of_range(id)) return connection_name(id) + " is outside 1.." + std::to_string(s.next_connection - 1);
  for (const auto& [name, h] : s.handles)
    if (h.connection && out_of_range(*h.connection))
      return "handle '" + name + "' is on " + connection_name(*h.connection) + ", never created";
  for (const auto& [name, j] : s.jobs)
    if (out_of_range(j.connection)) return "job '" + name + "' is on " + connection_name(j.connection) + ", never created";
  for (const auto& [name, l] : s.logons)
    if (l.cwd && out_of_range(*l.cwd))
      return "logon '" + name + "' has its current directory on " + connection_name(*l.cwd) + ", never created";
  return std::nullopt;
}

// "system" means global: it holds its redirections alone. Two owners are a linked pair
// sharing a device redirection under nt-linked (P-LINKED).
Broken owners(const State& s, ConnectionId id, const Connection& c) {
  auto broken = [&](const std::string& why) { return connection_name(id) + why; };
  if (c.owners.empty()) return broken(" has no owner");
  for (const auto& o : c.owners)
    if (!s.logons.count(o)) return broken(" is held by '" + o + "', which is not live");
  if (c.owners.size() == 1) return std::nullopt;
  if (c.owners.count(kSystemLogon)) return broken(" is held by system and another logon");
  if (c.owners.size() > 2) return broken(" is held by more than two logons");
  if (!c.device) return broken(" is deviceless and shared");
  if (s.behaviour != BehaviourProfile::NtLinked) return broken(" is shared under nt");
  const std::string& a = *c.owners.begin();
  const std::string& b = *c.owners.rbegin();
  if (s.logons.at(a).partner != b) return broken(" is shared by '" + a + "' and '" + b + "', which are not linked");
  return std::nullopt;
}

Broken connection_fields(const State& s, ConnectionId id, const Connection& c) {
  auto broken = [&](const std::string& why) { return connection_name(id) + why; };
  if (c.uses < 1) return broken(" has " + std::to_string(c.uses) + " uses");
  if (c.device) {
    if (canonical_device(*c.device) != c.device || *c.device == "C:")
      return broken(" redirects '" + *c.device + "', not a redirectable device name");
    if (is_letter(*c.device) != (c.type == ResourceType::Disk)) return broken(" redirects '" + *c.device + "' to the wrong type");
    if (c.uses != 1) return broken(" is a device redirection with " + std::to_string(c.uses) + " uses");
  }
  const auto& known = c.type == ResourceType::Disk ? s.shares : s.printers;
  if (!known.count(c.remote_key)) return broken(" is to '" + c.remote_key + "', not a declared resource of its type");
  return std::nullopt;
}

Broken connections(const State& s) {
  for (const auto& [id, c] : s.connections) {
    if (auto broken = owners(s, id, c)) return broken;
    if (auto broken = connection_fields(s, id, c)) return broken;
  }
  return std::nullopt;
}

// P-LINKED, P-VIEW: a namespace never holds one letter twice, and a logon's deviceless
// adds of one remote are one connection with a use count.
// Pairwise, without allocating: this runs after every explored step, and worlds are small.
Broken one_per_view(const State& s) {
  for (auto a = s.connections.begin(); a != s.connections.end(); ++a)
    for (auto b = std::next(a); b != s.connections.end(); ++b) {
      const Connection& x = a->second;
      const Connection& y = b->second;
      if (x.device != y.device || (!x.device && x.remote_key != y.remote_key)) continue;
      for (const auto& o : x.owners) {
        if (!y.owners.count(o)) continue;
        if (x.device) return "logon '" + o + "' holds two redirections of " + *x.device;
        return "logon '" + o + "' holds two deviceless connections to " + x.remote_key;
      }
    }
  return std::nullopt;
}

// P-HANDLE-LIFE, P-LOGOFF: what is not orphaned was opened by a live logon on a live
// connection of the right type; the current directory is never orphaned, only dropped.
Broken uses(const State& s) {
  for (const auto& [name, h] : s.handles) {
    if (h.orphaned) continue;
    if (!s.logons.count(h.opener)) return "handle '" + name + "' is open for '" + h.opener + "', which is not live";
    if (h.connection && !live_connection_of_type(s, *h.connection, ResourceType::Disk))
      return "handle '" + name + "' is open on " + connection_name(*h.connection) + ", not a live disk connection";
  }
  for (const auto& [name, j] : s.jobs) {
    if (j.orphaned) continue;
    if (!s.logons.count(j.opener)) return "job '" + name + "' is active for '" + j.opener + "', which is not live";
    if (!live_connection_of_type(s, j.connection, ResourceType::Print))
      return "job '" + name + "' is active on " + connection_name(j.connection) + ", not a live print connection";
  }
  for (const auto& [name, l] : s.logons)
    if (l.cwd && !live_connection_of_type(s, *l.cwd, ResourceType::Disk))
      return "logon '" + name + "' has its current directory on " + connection_name(*l.cwd) + ", not a live disk connection";
  return std::nullopt;
}

// P-PROFILE-KEY: entries are keyed by device name without its colon, of the device's type.
Broken profiles(const State& s) {
  for (const auto& [user, p] : s.profiles)
    for (const auto& [key, e] : p.entries) {
      auto device = canonical_device(key + ":");
      if (!device || *device != key + ":") return "user '" + user + "' remembers '" + key + "', not a profile key";
      if (is_letter(*device) != (e.type == ResourceType::Disk)) return "user '" + user + "' remembers '" + key + "' with the wrong type";
    }
  return std::nullopt;
}

Broken fault_budget(const State& s) {
  if (s.fault.remaining < 0) return "the provider fault has " + std::to_string(s.fault.remaining) + " calls left";
  return std::nullopt;
}

}  // namespace

std::optional<std::string> check_invariants(const State& s) {
  for (const auto& check : {system_logon, partners, connection_ids, connections, one_per_view, uses, profiles, fault_budget})
    if (auto broken = check(s)) return broken;
  return std::nullopt;
}

}  // namespace wnc::model
