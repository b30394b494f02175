#include "reference_model.h"

#include <algorithm>

#include "vocabulary/internal_error.h"

namespace wnc::model {

namespace {

constexpr const char* kFixedDrive = "C:";
constexpr const char* kFixedDriveTarget = R"(\Device\HarddiskVolume1)";

std::string upper(std::string s) {
  for (char& c : s)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return s;
}

std::string lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

bool is_remote_form(const std::string& name) { return name.rfind(R"(\\)", 0) == 0; }

// P-REMOTE-NORMAL: case-insensitive, one trailing backslash stripped.
std::string remote_key(std::string remote) {
  if (!remote.empty() && remote.back() == '\\') remote.pop_back();
  return lower(remote);
}

bool is_letter_device(const std::string& device) { return device.size() == 2; }

std::string profile_key(const std::string& device) { return device.substr(0, device.size() - 1); }

const std::string& user_of(const State& s, const std::string& logon) { return s.logons.at(logon).user; }

const Logon& logon_of(const State& s, const std::string& name) {
  auto it = s.logons.find(name);
  if (it == s.logons.end()) throw InvalidStep("no live logon named '" + name + "'");
  return it->second;
}

Logon& logon_of(State& s, const std::string& name) {
  return const_cast<Logon&>(logon_of(static_cast<const State&>(s), name));
}

bool is_system(const std::string& logon) { return logon == kSystemLogon; }

// The device redirection `logon` itself holds (own, or shared with its linked partner).
std::optional<ConnectionId> held_device(const State& s, const std::string& logon,
                                        const std::string& device) {
  for (const auto& [id, c] : s.connections)
    if (c.device == device && c.owners.count(logon)) return id;
  return std::nullopt;
}

// P-VIEW: own redirections shadow the global namespace; system sees only the global one.
std::optional<ConnectionId> visible_device(const State& s, const std::string& logon,
                                           const std::string& device) {
  if (auto own = held_device(s, logon, device)) return own;
  return held_device(s, kSystemLogon, device);
}

bool device_busy(const State& s, const std::string& logon, const std::string& device) {
  return device == kFixedDrive || visible_device(s, logon, device).has_value();
}

std::optional<ConnectionId> held_deviceless(const State& s, const std::string& logon,
                                            const std::string& key) {
  for (const auto& [id, c] : s.connections)
    if (!c.device && c.remote_key == key && c.owners.count(logon)) return id;
  return std::nullopt;
}

struct PathTarget {
  bool found = false;
  std::optional<ConnectionId> connection;  // nullopt with found: local C:
};

// P-PATH.
PathTarget resolve_path(const State& s, const std::string& logon, const std::string& path) {
  if (is_remote_form(path)) {
    size_t server_end = path.find('\\', 2);
    if (server_end == std::string::npos || server_end == 2) return {};
    size_t share_end = path.find('\\', server_end + 1);
    std::string share = path.substr(0, share_end);
    if (share.size() == server_end + 1) return {};
    auto id = held_deviceless(s, logon, remote_key(share));
    if (!id || s.connections.at(*id).type != ResourceType::Disk) return {};
    return {true, id};
  }
  if (path.size() < 2 || path[1] != ':' || (path.size() > 2 && path[2] != '\\')) return {};
  auto device = canonical_device(path.substr(0, 2));
  if (!device) return {};
  if (*device == kFixedDrive) return {true, std::nullopt};
  auto id = visible_device(s, logon, *device);
  if (!id || s.connections.at(*id).type != ResourceType::Disk) return {};
  return {true, id};
}

UserProfile& profile_of(State& s, const std::string& user) { return s.profiles[user]; }

const ProfileEntry* remembered(const State& s, const std::string& user, const std::string& device) {
  auto p = s.profiles.find(user);
  if (p == s.profiles.end()) return nullptr;
  auto e = p->second.entries.find(profile_key(device));
  return e == p->second.entries.end() ? nullptr : &e->second;
}

bool profile_readable(const State& s, const std::string& user) {
  auto p = s.profiles.find(user);
  return p == s.profiles.end() || p->second.readable;
}

// Check 2 of the cancel checks (docs/behaviour.md) and its twin in add: the call reaches the provider (P-FAULT-BUDGET).
bool provider_fails(State& s, const std::string& caller) {
  if (s.fault.remaining == 0) return false;
  --s.fault.remaining;
  logon_of(s, caller).last_error = {s.fault.code, s.fault.text, s.fault.provider};
  return true;
}

// What a forced or unobstructed cancel leaves behind: handles, jobs and current
// directories on the connection become orphaned.
void orphan_uses_of(State& s, ConnectionId id) {
  for (auto& [name, h] : s.handles)
    if (h.connection == id) h.orphaned = true;
  for (auto& [name, j] : s.jobs)
    if (j.connection == id) j.orphaned = true;
  for (auto& [name, l] : s.logons)
    if (l.cwd == id) l.cwd.reset();
}

void remove_connection(State& s, ConnectionId id) {
  orphan_uses_of(s, id);
  s.connections.erase(id);
}

// Checks 3a and 3b (P-IN-USE).
std::optional<Code> in_use(const State& s, ConnectionId id) {
  bool files = false, dirs = false;
  for (const auto& [name, h] : s.handles) {
    if (h.orphaned || h.connection != id) continue;
    (h.kind == HandleKind::File ? files : dirs) = true;
  }
  for (const auto& [name, j] : s.jobs)
    if (!j.orphaned && j.connection == id) files = true;
  for (const auto& [name, l] : s.logons)
    if (l.cwd == id) dirs = true;
  if (files) return code::kOpenFiles;
  if (dirs) return code::kDeviceInUse;
  return std::nullopt;
}

std::optional<Code> profile_problem(const State& s, const std::string& user,
                                    const std::string& device) {
  if (!profile_readable(s, user)) return code::kCannotOpenProfile;
  const ProfileEntry* e = remembered(s, user, device);
  if (e && !e->remote) return code::kBadProfile;
  return std::nullopt;
}

Result rc(Code c) {
  Result r;
  r.rc = c;
  return r;
}

Result cancel_device(State& s, const CancelStep& step, const std::string& device, bool update_profile) {
  const std::string user = user_of(s, step.as);
  auto id = held_device(s, step.as, device);
  if (!id) {
    if (!update_profile) return rc(code::kNotConnected);
    if (auto problem = profile_problem(s, user, device)) return rc(*problem);
    if (!remembered(s, user, device)) return rc(code::kNotConnected);
    profile_of(s, user).entries.erase(profile_key(device));
    return rc(code::kNoError);
  }
  if (!step.force)
    if (auto busy = in_use(s, *id)) return rc(*busy);
  if (update_profile) {
    if (auto problem = profile_problem(s, user, device)) return rc(*problem);
    profile_of(s, user).entries.erase(profile_key(device));
  }
  remove_connection(s, *id);
  return rc(code::kNoError);
}

Result cancel_remote(State& s, const CancelStep& step, const std::string& name) {
  auto id = held_deviceless(s, step.as, remote_key(name));
  if (!id) return rc(code::kNotConnected);
  if (!step.force)
    if (auto busy = in_use(s, *id)) return rc(*busy);
  remove_connection(s, *id);
  return rc(code::kNoError);
}

Result do_cancel(State& s, const CancelStep& step) {
  logon_of(s, step.as);
  if (!step.name || step.name->empty()) return rc(code::kNotConnected);
  auto device = canonical_device(*step.name);
  bool remote = is_remote_form(*step.name);
  if (!device && !remote) return rc(code::kNotConnected);
  if (provider_fails(s, step.as)) return rc(code::kExtendedError);
  bool update_profile = step.api == Api::W || step.api == Api::A || step.update_profile;
  if (device) return cancel_device(s, step, *device, update_profile);
  return cancel_remote(s, step, *step.name);
}

// Under nt-linked a new redirection is shared with a logged-on partner, unless the partner
// already holds that device itself: a namespace never holds one letter twice (P-LINKED).
std::set<std::string> new_owners(const State& s, const std::string& logon, const std::string& device) {
  std::set<std::string> owners{logon};
  const Logon& l = s.logons.at(logon);
  if (s.behaviour == BehaviourProfile::NtLinked && l.partner && s.logons.count(*l.partner) &&
      !held_device(s, *l.partner, device))
    owners.insert(*l.partner);
  return owners;
}

Result do_add(State& s, const AddStep& step) {
  logon_of(s, step.as);
  const std::string user = user_of(s, step.as);
  const bool deviceless = !step.local || step.local->empty();
  std::optional<std::string> device;
  if (!deviceless) {
    device = canonical_device(*step.local);
    if (!device) return rc(code::kBadDevice);
    bool letter = is_letter_device(*device);
    if (letter != (step.type == ResourceType::Disk)) return rc(code::kBadDevType);
    if (device_busy(s, step.as, *device)) return rc(code::kAlreadyAssigned);
    if (step.persistent) {
      if (auto problem = profile_problem(s, user, *device)) return rc(*problem);
      if (remembered(s, user, *device)) return rc(code::kDeviceAlreadyRemembered);
    }
  }
  if (provider_fails(s, step.as)) return rc(code::kExtendedError);
  const std::string key = remote_key(step.remote);
  const auto& known = step.type == ResourceType::Disk ? s.shares : s.printers;
  if (!known.count(key)) return rc(code::kBadNetName);

  if (deviceless) {
    if (auto id = held_deviceless(s, step.as, key)) {
      ++s.connections.at(*id).uses;
      return rc(code::kNoError);
    }
    s.connections[s.next_connection++] = Connection{step.remote, key, std::nullopt, step.type, {step.as}, 1};
    return rc(code::kNoError);
  }
  s.connections[s.next_connection++] =
      Connection{step.remote, key, device, step.type, new_owners(s, step.as, *device), 1};
  if (step.persistent)
    profile_of(s, user).entries[profile_key(*device)] = ProfileEntry{step.remote, step.type};
  return rc(code::kNoError);
}

Result do_get_connection(const State& s, const GetConnectionStep& step) {
  logon_of(s, step.as);
  auto device = canonical_device(step.local);
  if (!device) return rc(code::kBadDevice);
  if (auto id = held_device(s, step.as, *device)) {
    Result r = rc(code::kNoError);
    r.remote = s.connections.at(*id).remote;
    return r;
  }
  const std::string& user = user_of(s, step.as);
  const ProfileEntry* e = remembered(s, user, *device);
  if (profile_readable(s, user) && e && e->remote) {
    Result r = rc(code::kConnectionUnavail);
    r.remote = e->remote;
    return r;
  }
  return rc(code::kNotConnected);
}

Result do_drives(const State& s, const DrivesStep& step) {
  logon_of(s, step.as);
  std::set<char> letters{'C'};
  for (const auto& [id, c] : s.connections)
    if (c.device && is_letter_device(*c.device) &&
        (c.owners.count(kSystemLogon) || c.owners.count(step.as)))
      letters.insert((*c.device)[0]);
  Result r = rc(code::kNoError);
  r.drives = std::string(letters.begin(), letters.end());
  return r;
}

Result do_query_dos_device(const State& s, const QueryDosDeviceStep& step) {
  logon_of(s, step.as);
  auto device = canonical_device(step.name);
  if (!device) return rc(code::kFileNotFound);
  Result r = rc(code::kNoError);
  if (*device == kFixedDrive) {
    r.target = kFixedDriveTarget;
    return r;
  }
  auto id = visible_device(s, step.as, *device);
  if (!id) return rc(code::kFileNotFound);
  // P-QDD-TARGET: the model promises only the suffix `\server\share`.
  std::string key = s.connections.at(*id).remote;
  if (!key.empty() && key.back() == '\\') key.pop_back();
  r.target = key.substr(1);
  return r;
}

Result do_open(State& s, const OpenStep& step) {
  logon_of(s, step.as);
  if (s.handles.count(step.handle)) throw InvalidStep("handle '" + step.handle + "' is already open");
  PathTarget t = resolve_path(s, step.as, step.path);
  if (!t.found) return rc(code::kPathNotFound);
  s.handles[step.handle] = Handle{t.connection, step.kind, step.as, false};
  return rc(code::kNoError);
}

Result do_close(State& s, const CloseStep& step) {
  if (!s.handles.erase(step.handle)) return rc(code::kInvalidHandle);
  return rc(code::kNoError);
}

Result do_io(const State& s, const IoStep& step) {
  auto it = s.handles.find(step.handle);
  if (it == s.handles.end()) return rc(code::kInvalidHandle);
  return rc(it->second.orphaned ? code::kUnexpNetErr : code::kNoError);
}

Result do_chdir(State& s, const ChdirStep& step) {
  Logon& l = logon_of(s, step.as);
  PathTarget t = resolve_path(s, step.as, step.path);
  if (!t.found) return rc(code::kPathNotFound);
  l.cwd = t.connection;
  return rc(code::kNoError);
}

Result do_job(State& s, const JobStep& step) {
  logon_of(s, step.as);
  if (s.jobs.count(step.job)) throw InvalidStep("job '" + step.job + "' is already live");
  auto device = canonical_device(step.device);
  if (!device || is_letter_device(*device)) return rc(code::kNotConnected);
  auto id = visible_device(s, step.as, *device);
  if (!id) return rc(code::kNotConnected);
  s.jobs[step.job] = Job{*id, step.as, false};
  return rc(code::kNoError);
}

Result do_end_job(State& s, const EndJobStep& step) {
  if (!s.jobs.erase(step.job)) return rc(code::kInvalidHandle);
  return rc(code::kNoError);
}

Result do_profile_fault(State& s, const ProfileFaultStep& step) {
  UserProfile& p = profile_of(s, step.user);
  switch (step.health) {
    case ProfileHealth::Unreadable:
      p.readable = false;
      break;
    case ProfileHealth::Ok:
      p.readable = true;
      std::erase_if(p.entries, [](const auto& e) { return !e.second.remote; });
      break;
    case ProfileHealth::Corrupt: {
      auto device = canonical_device(step.device);
      if (!device) throw InvalidStep("'" + step.device + "' is not a device name");
      ProfileEntry& e = p.entries[profile_key(*device)];
      e.remote.reset();
      e.type = is_letter_device(*device) ? ResourceType::Disk : ResourceType::Print;
      break;
    }
  }
  return rc(code::kNoError);
}

// P-PROFILE-STEP: what the user's HKCU\Network holds for the device.
Result do_profile(const State& s, const ProfileStep& step) {
  auto device = canonical_device(step.device);
  if (!device) throw InvalidStep("'" + step.device + "' is not a device name");
  if (!profile_readable(s, step.user)) return rc(code::kCannotOpenProfile);
  const ProfileEntry* e = remembered(s, step.user, *device);
  if (!e) return rc(code::kFileNotFound);
  if (!e->remote) return rc(code::kBadProfile);
  Result r = rc(code::kNoError);
  r.remote = e->remote;
  return r;
}

Result do_provider_fault(State& s, const ProviderFaultStep& step) {
  s.fault = ProviderFault{step.code, step.text, step.name, step.times};
  return rc(code::kNoError);
}

Result do_last_error(const State& s, const LastErrorStep& step) {
  const LastError& e = logon_of(s, step.as).last_error;
  Result r = rc(code::kNoError);
  r.code = e.code;
  r.text = e.text;
  r.provider = e.provider;
  return r;
}

Result do_logon(State& s, const LogonStep& step) {
  if (s.logons.count(step.name)) throw InvalidStep("logon '" + step.name + "' is already logged on");
  if (step.linked) {
    const Logon& partner = logon_of(s, *step.linked);
    if (is_system(*step.linked) || partner.user != step.user || (partner.partner && s.logons.count(*partner.partner)))
      throw InvalidStep("logon '" + step.name + "' can only be linked to an unpaired logon of user '" + step.user + "'");
  }
  s.logons[step.name] = Logon{step.user, step.session, step.linked, std::nullopt, {}};
  if (step.linked) s.logons.at(*step.linked).partner = step.name;
  return rc(code::kNoError);
}

Result do_logoff(State& s, const LogoffStep& step) {
  logon_of(s, step.as);
  if (is_system(step.as)) throw InvalidStep("system cannot log off");
  for (auto& [name, h] : s.handles)
    if (h.opener == step.as) h.orphaned = true;
  for (auto& [name, j] : s.jobs)
    if (j.opener == step.as) j.orphaned = true;
  std::vector<ConnectionId> gone;
  for (auto& [id, c] : s.connections)
    if (c.owners.erase(step.as) && c.owners.empty()) gone.push_back(id);
  for (ConnectionId id : gone) remove_connection(s, id);
  if (auto partner = s.logons.at(step.as).partner; partner && s.logons.count(*partner))
    s.logons.at(*partner).partner.reset();
  s.logons.erase(step.as);
  return rc(code::kNoError);
}

}  // namespace

std::optional<std::string> canonical_device(const std::string& name) {
  std::string u = upper(name);
  if (u.size() == 2 && u[0] >= 'A' && u[0] <= 'Z' && u[1] == ':') return u;
  if (u.size() == 5 && u.rfind("LPT", 0) == 0 && u[3] >= '1' && u[3] <= '9' && u[4] == ':') return u;
  return std::nullopt;
}

State initial_state(const Setup& setup) {
  State s;
  s.behaviour = setup.profile;
  for (const auto& share : setup.network.shares) s.shares.insert(remote_key(share));
  for (const auto& printer : setup.network.printers) s.printers.insert(remote_key(printer));
  s.logons[kSystemLogon] = Logon{kSystemUser, 0, std::nullopt, std::nullopt, {}};
  for (const auto& [name, decl] : setup.logons) {
    WNC_ASSERT(name != kSystemLogon, "a setup never declares system");
    s.logons[name] = Logon{decl.user, decl.session, decl.linked, std::nullopt, {}};
  }
  for (const auto& [name, decl] : setup.logons) {
    if (!decl.linked) continue;
    auto partner = s.logons.find(*decl.linked);
    if (partner == s.logons.end() || is_system(*decl.linked) || partner->second.user != decl.user ||
        (partner->second.partner && *partner->second.partner != name))
      throw InvalidStep("logon '" + name + "' can only be linked to one declared logon of user '" + decl.user + "'");
    partner->second.partner = name;
  }
  return s;
}

Result apply(State& s, const Step& step) {
  return std::visit(
      [&](const auto& st) -> Result {
        using T = std::decay_t<decltype(st)>;
        if constexpr (std::is_same_v<T, AddStep>) return do_add(s, st);
        else if constexpr (std::is_same_v<T, CancelStep>) return do_cancel(s, st);
        else if constexpr (std::is_same_v<T, GetConnectionStep>) return do_get_connection(s, st);
        else if constexpr (std::is_same_v<T, DrivesStep>) return do_drives(s, st);
        else if constexpr (std::is_same_v<T, QueryDosDeviceStep>) return do_query_dos_device(s, st);
        else if constexpr (std::is_same_v<T, OpenStep>) return do_open(s, st);
        else if constexpr (std::is_same_v<T, CloseStep>) return do_close(s, st);
        else if constexpr (std::is_same_v<T, IoStep>) return do_io(s, st);
        else if constexpr (std::is_same_v<T, ChdirStep>) return do_chdir(s, st);
        else if constexpr (std::is_same_v<T, JobStep>) return do_job(s, st);
        else if constexpr (std::is_same_v<T, EndJobStep>) return do_end_job(s, st);
        else if constexpr (std::is_same_v<T, ProfileFaultStep>) return do_profile_fault(s, st);
        else if constexpr (std::is_same_v<T, ProviderFaultStep>) return do_provider_fault(s, st);
        else if constexpr (std::is_same_v<T, LastErrorStep>) return do_last_error(s, st);
        else if constexpr (std::is_same_v<T, LogonStep>) return do_logon(s, st);
        else if constexpr (std::is_same_v<T, LogoffStep>) return do_logoff(s, st);
        else if constexpr (std::is_same_v<T, ProfileStep>) return do_profile(s, st);
        else static_assert(sizeof(T) == 0, "the model has no rule for this step type (docs/extending.md)");
      },
      step);
}

namespace {

std::optional<std::string> implicit_connection(const State& s, const std::string& as, const std::string& path) {
  if (!is_remote_form(path) || s.logons.count(as) == 0 || resolve_path(s, as, path).found) return std::nullopt;
  return "'" + path + "' is a UNC path no deviceless disk connection of '" + as +
         "' holds: an implicit connection, outside the model";
}

}  // namespace

std::optional<std::string> outside_domain(const State& s, const Step& step) {
  if (const auto* open = std::get_if<OpenStep>(&step)) return implicit_connection(s, open->as, open->path);
  if (const auto* chdir = std::get_if<ChdirStep>(&step)) return implicit_connection(s, chdir->as, chdir->path);
  return std::nullopt;
}

// Sorted without a set: the explorer asks at every step it generates.
std::vector<std::string> visible_devices(const State& s, const std::string& logon) {
  std::vector<std::string> out{kFixedDrive};
  for (const auto& [id, c] : s.connections)
    if (c.device && (c.owners.count(logon) || c.owners.count(kSystemLogon))) out.push_back(*c.device);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace wnc::model
