// The reference model of docs/behaviour.md: the API's world as a value, and one function that
// applies a step to it. Pure: no I/O, no OS calls, no clocks, no randomness.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "vocabulary/result.h"
#include "vocabulary/setup.h"
#include "vocabulary/step.h"

namespace wnc::model {

// A step that no scenario may contain (P-INVALID): an undeclared or logged-off logon, a
// logon name already in use, a handle or job name already live.
class InvalidStep : public std::invalid_argument {
 public:
  using std::invalid_argument::invalid_argument;
};

using ConnectionId = int;

struct Connection {
  std::string remote;                 // as given to add
  std::string remote_key;             // P-REMOTE-NORMAL
  std::optional<std::string> device;  // canonical "Z:", "LPT1:"; nullopt: deviceless
  ResourceType type = ResourceType::Disk;
  std::set<std::string> owners;       // logons that hold it; "system" means global
  int uses = 1;                       // deviceless adds of the same remote in one logon
  bool operator==(const Connection&) const = default;
};

struct Handle {
  std::optional<ConnectionId> connection;  // nullopt: on C:
  HandleKind kind = HandleKind::File;
  std::string opener;
  bool orphaned = false;
  bool operator==(const Handle&) const = default;
};

struct Job {
  ConnectionId connection = 0;
  std::string opener;
  bool orphaned = false;
  bool operator==(const Job&) const = default;
};

struct LastError {
  Code code = 0;
  std::string text;
  std::string provider;
  bool operator==(const LastError&) const = default;
};

struct Logon {
  std::string user;
  int session = 1;
  std::optional<std::string> partner;  // linked partner (symmetric)
  std::optional<ConnectionId> cwd;     // the connection the current directory is on
  LastError last_error;
  bool operator==(const Logon&) const = default;
};

struct ProfileEntry {
  std::optional<std::string> remote;  // nullopt: corrupt (RemotePath missing)
  ResourceType type = ResourceType::Disk;
  bool operator==(const ProfileEntry&) const = default;
};

struct UserProfile {
  bool readable = true;
  std::map<std::string, ProfileEntry> entries;  // key: "Z", "LPT1" (P-PROFILE-KEY)
  bool operator==(const UserProfile&) const = default;
};

struct ProviderFault {
  Code code = 0;
  std::string text;
  std::string provider;
  int remaining = 0;
  bool operator==(const ProviderFault&) const = default;
};

struct State {
  BehaviourProfile behaviour = BehaviourProfile::Nt;
  std::set<std::string> shares;    // remote keys
  std::set<std::string> printers;  // remote keys
  std::map<std::string, Logon> logons;  // live logons, "system" included
  std::map<ConnectionId, Connection> connections;
  ConnectionId next_connection = 1;
  std::map<std::string, Handle> handles;  // live (open or orphaned) handles
  std::map<std::string, Job> jobs;        // live (active or orphaned) jobs
  std::map<std::string, UserProfile> profiles;
  ProviderFault fault;
  bool operator==(const State&) const = default;
};

State initial_state(const Setup& setup);

// Applies `step` to `state` and returns what the API returned. Throws InvalidStep.
Result apply(State& state, const Step& step);

// Why the behaviour does not decide `step` here, or nullopt when it does. Only an open or chdir
// through a UNC path that no deviceless disk connection of the caller holds (an implicit
// connection, docs/behaviour.md) is outside: scenarios must not do it and generators never do.
std::optional<std::string> outside_domain(const State& state, const Step& step);

// A query the explorer's generator uses to pick meaningful arguments.
std::vector<std::string> visible_devices(const State& state, const std::string& logon);

// The canonical device name ("Z:", "LPT1:") of `name`, if it is one (P-NAME-FORM).
std::optional<std::string> canonical_device(const std::string& name);

}  // namespace wnc::model
