#include "explore/step_generator.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "scenario/name_forms.h"
#include "vocabulary/internal_error.h"

namespace wnc {

namespace {

template <class T>
T pick(StepDraw& d, const std::vector<T>& v) {
  WNC_ASSERT(!v.empty(), "a step picks only from options the menu checked for");
  return v[d.below(v.size())];
}

bool coin(StepDraw& d) { return d.below(2) == 1; }

int uniform(StepDraw& d, int lo, int hi) { return lo + static_cast<int>(d.below(static_cast<std::size_t>(hi - lo))); }

// What one logon that may act can name right now, read off the state for each step.
struct Actor {
  std::string name;
  const model::Logon* logon = nullptr;  // in the state read: its user, its partner
  // Names that mean something to it: its devices, its deviceless remotes, its user's
  // remembered devices. Most cancels and opens aim at these, or little would happen.
  std::vector<std::string> held;
  std::vector<std::string> paths;  // roots of paths into what it holds (leaf() ends them)
  // Situations where the rare answers live, for the aimed steps below.
  std::vector<std::string> busy_files;  // held names with files or jobs open
  std::vector<std::string> busy_dirs;   // ... with only directories or a cwd on them
  std::vector<std::string> printers;    // its print devices
  std::vector<std::string> elsewhere;   // devices other logons hold
  std::vector<std::string> remembered;  // devices only remembered
  std::vector<std::string> deviceless;  // its deviceless remotes, as given
  std::vector<std::string> respelled;   // ... spelled otherwise
  std::vector<std::string> changed;     // names the last step changed, to look at again
  bool fragile = false;    // its user's profile is unreadable or has a corrupt entry
  bool partnered = false;  // it has a linked partner

  // Emptied for another state, keeping what the lists hold room for: a decoder reads the
  // state at every step, so its lists are refilled, not remade.
  void reset(const std::string& logon_name, const model::Logon& of) {
    name = logon_name;
    logon = &of;
    for (auto list : {&Actor::held, &Actor::paths, &Actor::busy_files, &Actor::busy_dirs, &Actor::printers,
                      &Actor::elsewhere, &Actor::remembered, &Actor::deviceless, &Actor::respelled, &Actor::changed})
      (this->*list).clear();
    fragile = partnered = false;
  }
};

using ActorNames = std::vector<std::string> Actor::*;

// The names a case draws from whatever the state: fixed by its swarm.
struct CaseNames {
  void fill(const Swarm& sw);  // keeps the lists' room, as Choices does
  std::vector<std::string> devices, add_locals, remotes, cancel_names, file_paths, dir_paths, printer_devices, profile_devices;
};

// Everything a next step may name, read off the state once per step (read_choices).
struct Choices {
  const Swarm* swarm = nullptr;
  const CaseNames* names = nullptr;
  const model::State* world = nullptr;  // the state read, for what only a rare step needs
  std::vector<Actor> actors;
  std::vector<std::string> users;                         // of the logons: whose profiles a step may name
  std::vector<std::string> handles, jobs;                 // declared
  std::vector<std::string> free_handles, free_jobs;       // not open / not active
  std::vector<std::string> logon_names;                   // not logged on
  std::vector<std::string> logged_on;                     // every logon but system
  std::vector<std::string> with_leftovers;  // logons with handles, jobs or a current directory
  std::vector<std::string> orphaned;        // handles a cancel or logoff orphaned
  const Actor* changed_by = nullptr;  // the actor whose step changed what `changed` holds
  bool provider_fault_armed = false;
  bool holds_devices = false;  // some actor holds or remembers a device
  size_t logons = 0;

  bool any(ActorNames member) const {
    return std::any_of(actors.begin(), actors.end(), [&](const Actor& a) { return !(a.*member).empty(); });
  }
  bool any(bool Actor::*flag) const {
    return std::any_of(actors.begin(), actors.end(), [&](const Actor& a) { return a.*flag; });
  }
  // User -> the devices its logons hold or remember.
  std::map<std::string, std::vector<std::string>> devices_of_user() const {
    std::map<std::string, std::vector<std::string>> out;
    for (const auto& a : actors)
      for (const auto& name : a.held)
        if (is_device_name(name)) out[a.logon->user].push_back(name);
    return out;
  }
  // The user's logons without a linked partner.
  std::vector<std::string> unpaired(const std::string& user) const {
    std::vector<std::string> out;
    for (const auto& [name, logon] : world->logons)
      if (name != kSystemLogon && logon.user == user && !logon.partner) out.push_back(name);
    return out;
  }
};

const Actor& pick_actor(StepDraw& d, const Choices& c) { return c.actors[d.below(c.actors.size())]; }

// An actor whose `member` is not empty, and one of its names.
std::pair<const Actor*, std::string> pick_pair(StepDraw& d, const Choices& c, ActorNames member) {
  std::vector<const Actor*> with;
  for (const auto& a : c.actors)
    if (!(a.*member).empty()) with.push_back(&a);
  const Actor* as = pick(d, with);
  return {as, pick(d, as->*member)};
}

const Actor& pick_flagged(StepDraw& d, const Choices& c, bool Actor::*flag) {
  std::vector<const Actor*> with;
  for (const auto& a : c.actors)
    if (a.*flag) with.push_back(&a);
  return *pick(d, with);
}

// A file and a directory never share a path: a real file system refuses to open a directory
// as a file (5) or to enter a file (267), which the model, deciding no file system, ignores.
std::string leaf(HandleKind kind) { return kind == HandleKind::File ? R"(\a.txt)" : R"(\d)"; }

// Four names to reuse, and a fifth when all four are taken.
void free_names(const std::set<std::string>& used, const std::array<std::string, 5>& names, std::vector<std::string>& out) {
  out.clear();
  for (size_t i = 0; i < 4; ++i)
    if (!used.count(names[i])) out.push_back(names[i]);
  if (out.empty()) out.push_back(names[4]);
}

const std::array<std::string, 5> kHandleNames = {"h1", "h2", "h3", "h4", "h5"};
const std::array<std::string, 5> kJobNames = {"j1", "j2", "j3", "j4", "j5"};

// Its devices but the fixed drive, its deviceless remotes, then its user's remembered devices.
void read_held(const model::State& s, Actor& a) {
  for (auto& device : model::visible_devices(s, a.name))
    if (device != "C:") a.held.push_back(std::move(device));
  for (const auto& [id, c] : s.connections)
    if (!c.device && c.owners.count(a.name)) a.held.push_back(c.remote);
  if (auto p = s.profiles.find(a.logon->user); p != s.profiles.end())
    for (const auto& [key, e] : p->second.entries) a.held.push_back(key + ":");
}

enum class Use { None, Directories, Files };

// What keeps a connection from being cancelled without force.
Use use_of(const model::State& s, model::ConnectionId id) {
  Use use = Use::None;
  for (const auto& [name, h] : s.handles)
    if (h.connection == id && !h.orphaned) {
      if (h.kind == HandleKind::File) return Use::Files;
      use = Use::Directories;
    }
  for (const auto& [name, j] : s.jobs)
    if (j.connection == id && !j.orphaned) return Use::Files;
  for (const auto& [name, l] : s.logons)
    if (l.cwd == id) use = Use::Directories;
  return use;
}

// Other spellings of a remote name that mean the same share (R-NAME-CASE, P-REMOTE-NORMAL).
void add_respellings(const std::string& remote, std::vector<std::string>& out) {
  std::string upper = remote, lower = remote;
  for (char& ch : upper) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  for (char& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  for (std::string* r : {&upper, &lower})
    if (*r != remote) out.push_back(std::move(*r));
  if (remote.back() == '\\') out.push_back(remote.substr(0, remote.size() - 1));
  else out.push_back(remote + "\\");
}

// What the last step changed, if it succeeded: the name an add made or a cancel removed,
// seen by every actor (its caller first); after a logoff, what the others hold (a partner
// inherits).
void read_changes(const ExploreState& st, Choices& c) {
  if (!st.last_step || st.last_rc != code::kNoError) return;
  const std::string* name = nullptr;
  const std::string* by = nullptr;
  if (const auto* add = std::get_if<AddStep>(&*st.last_step)) {
    name = add->local && !add->local->empty() ? &*add->local : &add->remote;
    by = &add->as;
  } else if (const auto* cancel = std::get_if<CancelStep>(&*st.last_step)) {
    if (cancel->name) name = &*cancel->name;
    by = &cancel->as;
  }
  const bool logoff = std::holds_alternative<LogoffStep>(*st.last_step);
  for (auto& a : c.actors) {
    if (name) a.changed.push_back(*name);
    else if (logoff) a.changed = a.held;
    if (by && a.name == *by) c.changed_by = &a;
  }
}

void read_situations(const ExploreState& st, Choices& c) {
  const model::State& s = st.world;
  std::vector<Use> uses;  // per connection, in the state's order
  uses.reserve(s.connections.size());
  for (const auto& [id, conn] : s.connections) uses.push_back(use_of(s, id));
  std::vector<const std::string*> connected;  // the actor's devices that are connected
  for (auto& a : c.actors) {
    const model::Logon& logon = *a.logon;
    connected.clear();
    auto use = uses.begin();
    for (const auto& [id, conn] : s.connections) {
      const Use in_use = *use++;
      if (!conn.owners.count(a.name)) {
        if (conn.device) a.elsewhere.push_back(*conn.device);
        continue;
      }
      const std::string& name = conn.device ? *conn.device : conn.remote;
      if (in_use == Use::Files) a.busy_files.push_back(name);
      else if (in_use == Use::Directories) a.busy_dirs.push_back(name);
      if (conn.device && conn.type == ResourceType::Print) a.printers.push_back(*conn.device);
      if (conn.device) connected.push_back(&*conn.device);
      else {
        a.deviceless.push_back(conn.remote);
        add_respellings(conn.remote, a.respelled);
      }
    }
    if (auto p = s.profiles.find(logon.user); p != s.profiles.end()) {
      bool corrupt = false;
      for (const auto& [key, e] : p->second.entries) {
        const std::string& letter = key;  // a lambda may not capture a structured binding (clang)
        const bool is_connected = std::any_of(connected.begin(), connected.end(), [&](const std::string* device) {
          return device->size() == letter.size() + 1 && device->starts_with(letter) && device->back() == ':';
        });
        if (!is_connected) a.remembered.push_back(key + ":");
        corrupt = corrupt || !e.remote;
      }
      a.fragile = !p->second.readable || corrupt;
    }
    a.partnered = logon.partner.has_value();
    c.holds_devices = c.holds_devices || std::any_of(a.held.begin(), a.held.end(), is_device_name);
  }
  for (const auto& [name, logon] : s.logons)
    if (name != kSystemLogon && logon.cwd) c.with_leftovers.push_back(name);
  auto left_behind_by = [&](const std::string& opener) {
    if (opener != kSystemLogon && s.logons.count(opener)) c.with_leftovers.push_back(opener);
  };
  for (const auto& [name, h] : s.handles) {
    left_behind_by(h.opener);
    if (h.orphaned) c.orphaned.push_back(name);
  }
  for (const auto& [name, j] : s.jobs) left_behind_by(j.opener);
  std::sort(c.with_leftovers.begin(), c.with_leftovers.end());
  c.with_leftovers.erase(std::unique(c.with_leftovers.begin(), c.with_leftovers.end()), c.with_leftovers.end());
  c.provider_fault_armed = s.fault.remaining > 0;
  read_changes(st, c);
}

// Refills `c` from the state, keeping its lists' room (most steps leave the state alike).
void read_choices(const ExploreState& s, Choices& c) {
  c.world = &s.world;
  for (auto list : {&Choices::users, &Choices::logon_names, &Choices::logged_on, &Choices::with_leftovers, &Choices::orphaned})
    (c.*list).clear();
  c.changed_by = nullptr;
  c.provider_fault_armed = c.holds_devices = false;
  c.logons = s.world.logons.size();
  size_t actors = 0;
  auto add_actor = [&](const std::string& name, const model::Logon& logon) {
    if (actors == c.actors.size()) c.actors.emplace_back();
    c.actors[actors++].reset(name, logon);
  };
  for (const auto& [name, logon] : s.world.logons) {
    if (name != kSystemLogon || c.swarm->as_system) add_actor(name, logon);
    if (name == kSystemLogon) continue;
    if (std::find(c.users.begin(), c.users.end(), logon.user) == c.users.end()) c.users.push_back(logon.user);
    c.logged_on.push_back(name);
  }
  if (actors == 0) add_actor(std::string(kSystemLogon), s.world.logons.at(kSystemLogon));
  c.actors.resize(actors);
  if (c.users.empty()) c.users.push_back("alice");
  for (auto& a : c.actors) {
    read_held(s.world, a);
    for (const auto& name : a.held) {
      if (is_disk_device(name)) a.paths.push_back(name);
      // Only through a deviceless disk connection: a print one would be an implicit connection.
      // One separator: a remote held as given with a trailing backslash is '\\fs1\docs\d', not '\\d'.
      if (!is_remote_name(name)) continue;
      const std::string root = name.ends_with('\\') ? name.substr(0, name.size() - 1) : name;
      if (!model::outside_domain(s.world, ChdirStep{a.name, root + leaf(HandleKind::Directory)})) a.paths.push_back(root);
    }
  }
  c.handles.assign(s.validity.declared_handles().begin(), s.validity.declared_handles().end());
  c.jobs.assign(s.validity.declared_jobs().begin(), s.validity.declared_jobs().end());
  free_names(s.validity.open_handles(), kHandleNames, c.free_handles);
  free_names(s.validity.active_jobs(), kJobNames, c.free_jobs);
  for (const char* n : {"alice3", "bob2", "alice", "alice2", "bob"})
    if (!s.world.logons.count(n)) c.logon_names.push_back(n);
  read_situations(s, c);
}

void CaseNames::fill(const Swarm& sw) {
  devices.assign({"Z:", "Y:", "S:"});
  if (sw.print) devices.push_back("LPT1:");
  if (sw.nasty_names) devices.insert(devices.end(), {"z:", "C:", R"(Z:\)", "LPT1", "lpt1:"});
  add_locals.assign(devices.begin(), devices.end());
  add_locals.push_back("");
  remotes.assign(sw.setup.network.shares.begin(), sw.setup.network.shares.end());
  remotes.push_back(R"(\\fs9\nowhere)");
  if (sw.nasty_names) remotes.insert(remotes.end(), {R"(\\FS1\DOCS)", R"(\\fs1\docs\)", R"(\\fs1\docs\\)"});
  cancel_names.assign(devices.begin(), devices.end());
  cancel_names.insert(cancel_names.end(), remotes.begin(), remotes.end());
  if (sw.nasty_names) cancel_names.insert(cancel_names.end(), {"", "foo"});
  // No UNC path: one the caller holds no deviceless connection to is an implicit connection,
  // outside the model; held ones come from Choices.
  file_paths.assign({R"(Z:\a.txt)", R"(Y:\a.txt)", R"(C:\work\a.txt)"});
  if (sw.nasty_names) file_paths.insert(file_paths.end(), {R"(z:\A.TXT)", R"(LPT1:\x)"});
  dir_paths.assign({R"(Y:\dir)", R"(Z:\d)", R"(C:\work)"});
  if (sw.nasty_names) dir_paths.insert(dir_paths.end(), {"Z:", R"(z:\D)"});
  printer_devices.assign({"LPT1:", "LPT2:"});
  if (sw.nasty_names) printer_devices.push_back("Z:");
  profile_devices.assign({"Z:", "Y:", "S:"});
  if (sw.print) profile_devices.push_back("LPT1:");
}

std::string path_for(const Choices& c, StepDraw& d, const Actor& as, HandleKind kind) {
  if (as.paths.empty() || uniform(d, 0, 4) == 0) return pick(d, kind == HandleKind::File ? c.names->file_paths : c.names->dir_paths);
  return pick(d, as.paths) + leaf(kind);
}

// One generator per step type; the registry's static check below fails the build when a
// type has none.
Step generate(std::type_identity<AddStep>, const Choices& c, StepDraw& d) {
  const Actor& who = pick_actor(d, c);
  AddStep a;
  a.as = who.name;
  if (c.swarm->print && uniform(d, 0, 5) == 0) {
    a.type = ResourceType::Print;
    a.remote = pick(d, c.swarm->setup.network.printers);
    std::vector<std::string> locals = {"LPT1:", "LPT2:", ""};
    if (c.swarm->nasty_names) locals.push_back("Z:");
    a.local = pick(d, locals);
  } else {
    a.remote = pick(d, c.names->remotes);
    a.local = pick(d, c.names->add_locals);
  }
  // Deviceless uses of one remote pile up (docs/behaviour.md, the world): sometimes add another.
  for (const auto& name : who.held)
    if (is_remote_name(name) && uniform(d, 0, 3) == 0) {
      a.local = "";
      a.remote = name;
      a.type = ResourceType::Disk;
      break;
    }
  if (a.local->empty() && coin(d)) a.local.reset();
  a.persistent = coin(d);
  return a;
}

CancelStep cancel_as(const Choices& c, StepDraw& d, const Actor& as, std::optional<std::string> name) {
  CancelStep s;
  s.as = as.name;
  s.name = std::move(name);
  if (c.swarm->nasty_names && c.swarm->null_name && uniform(d, 0, 8) == 0) s.name.reset();
  s.force = coin(d);
  const bool ansi = c.swarm->ansi && coin(d);
  s.api = coin(d) ? (ansi ? Api::A2 : Api::W2) : (ansi ? Api::A : Api::W);
  s.update_profile = (s.api == Api::W2 || s.api == Api::A2) && coin(d);
  return s;
}

Step generate(std::type_identity<CancelStep>, const Choices& c, StepDraw& d) {
  const Actor& as = pick_actor(d, c);
  const bool held = !as.held.empty() && uniform(d, 0, 4) != 0;
  return cancel_as(c, d, as, pick(d, held ? as.held : c.names->cancel_names));
}

Step generate(std::type_identity<GetConnectionStep>, const Choices& c, StepDraw& d) {
  return GetConnectionStep{pick_actor(d, c).name, pick(d, c.names->devices)};
}

Step generate(std::type_identity<DrivesStep>, const Choices& c, StepDraw& d) { return DrivesStep{pick_actor(d, c).name}; }

Step generate(std::type_identity<QueryDosDeviceStep>, const Choices& c, StepDraw& d) {
  return QueryDosDeviceStep{pick_actor(d, c).name, pick(d, c.names->devices)};
}

Step generate(std::type_identity<OpenStep>, const Choices& c, StepDraw& d) {
  const Actor& who = pick_actor(d, c);
  const HandleKind kind = coin(d) ? HandleKind::File : HandleKind::Directory;
  return OpenStep{who.name, path_for(c, d, who, kind), pick(d, c.free_handles), kind};
}

Step generate(std::type_identity<CloseStep>, const Choices& c, StepDraw& d) { return CloseStep{pick(d, c.handles)}; }

Step generate(std::type_identity<IoStep>, const Choices& c, StepDraw& d) { return IoStep{pick(d, c.handles)}; }

Step generate(std::type_identity<ChdirStep>, const Choices& c, StepDraw& d) {
  const Actor& who = pick_actor(d, c);
  return ChdirStep{who.name, path_for(c, d, who, HandleKind::Directory)};
}

Step generate(std::type_identity<JobStep>, const Choices& c, StepDraw& d) {
  const Actor& who = pick_actor(d, c);
  return JobStep{who.name, pick(d, c.names->printer_devices), pick(d, c.free_jobs)};
}

Step generate(std::type_identity<EndJobStep>, const Choices& c, StepDraw& d) { return EndJobStep{pick(d, c.jobs)}; }

// A user with a logon: another user's profile is loaded by nobody (and an agent reaches only
// its own logon's).
Step generate(std::type_identity<ProfileFaultStep>, const Choices& c, StepDraw& d) {
  ProfileFaultStep p;
  p.user = pick(d, c.users);
  p.health = pick(d, std::vector<ProfileHealth>{ProfileHealth::Unreadable, ProfileHealth::Corrupt, ProfileHealth::Ok});
  if (p.health == ProfileHealth::Corrupt) p.device = pick(d, std::vector<std::string>{"Z:", "Y:", "LPT1:"});
  return p;
}

Step generate(std::type_identity<ProviderFaultStep>, const Choices&, StepDraw& d) {
  ProviderFaultStep f;
  f.code = static_cast<Code>(uniform(d, 5001, 5004));
  f.text = coin(d) ? "quota exceeded" : "server on fire";
  f.name = "TestNet";
  f.times = uniform(d, 1, 3);
  return f;
}

Step generate(std::type_identity<LastErrorStep>, const Choices& c, StepDraw& d) { return LastErrorStep{pick_actor(d, c).name}; }

Step generate(std::type_identity<LogonStep>, const Choices& c, StepDraw& d) {
  LogonStep l;
  l.name = pick(d, c.logon_names);
  l.user = l.name.rfind("bob", 0) == 0 ? "bob" : "alice";
  l.session = coin(d) ? 2 : 1;
  // A UAC pair: the same user's two logons, never system.
  if (c.swarm->setup.profile == BehaviourProfile::NtLinked)
    if (const std::vector<std::string> partners = c.unpaired(l.user); !partners.empty() && coin(d))
      l.linked = pick(d, partners);
  return l;
}

Step generate(std::type_identity<LogoffStep>, const Choices& c, StepDraw& d) { return LogoffStep{pick(d, c.logged_on)}; }

// What a cancel or an add left in the profile, read back: the devices a case uses.
Step generate(std::type_identity<ProfileStep>, const Choices& c, StepDraw& d) {
  return ProfileStep{pick(d, c.users), pick(d, c.names->profile_devices)};
}

// Aimed steps: one step toward a precondition of the rare answers and paths, offered only when
// the state has it (docs/explore.md, the generator). They make steps of the kinds above, so
// they are offered only when the swarm enables that kind.

// A name in use, cancelled mostly without force: ERROR_OPEN_FILES or ERROR_DEVICE_IN_USE.
Step cancel_busy(const Choices& c, StepDraw& d, ActorNames busy) {
  auto [as, name] = pick_pair(d, c, busy);
  CancelStep s = cancel_as(c, d, *as, name);
  s.force = uniform(d, 0, 4) == 0;
  return s;
}
Step cancel_open_files(const Choices& c, StepDraw& d) { return cancel_busy(c, d, &Actor::busy_files); }
Step cancel_open_dirs(const Choices& c, StepDraw& d) { return cancel_busy(c, d, &Actor::busy_dirs); }

// Another logon's device: invisible to the caller unless system's or its linked partner's.
Step cancel_elsewhere(const Choices& c, StepDraw& d) {
  auto [as, name] = pick_pair(d, c, &Actor::elsewhere);
  return cancel_as(c, d, *as, name);
}
Step get_connection_elsewhere(const Choices& c, StepDraw& d) {
  auto [as, name] = pick_pair(d, c, &Actor::elsewhere);
  return GetConnectionStep{as->name, name};
}
Step query_elsewhere(const Choices& c, StepDraw& d) {
  auto [as, name] = pick_pair(d, c, &Actor::elsewhere);
  return QueryDosDeviceStep{as->name, name};
}

// A print job on a printer the caller holds.
Step job_on_held(const Choices& c, StepDraw& d) {
  auto [as, device] = pick_pair(d, c, &Actor::printers);
  return JobStep{as->name, device, pick(d, c.free_jobs)};
}

// A device only remembered: the profile decides.
Step cancel_remembered(const Choices& c, StepDraw& d) {
  auto [as, name] = pick_pair(d, c, &Actor::remembered);
  return cancel_as(c, d, *as, name);
}

// The caller's own profile is unreadable or corrupt: a held or remembered device of its.
Step cancel_fragile(const Choices& c, StepDraw& d) {
  const Actor& as = pick_flagged(d, c, &Actor::fragile);
  std::vector<std::string> names;
  for (const auto& n : as.held)
    if (is_device_name(n)) names.push_back(n);
  return cancel_as(c, d, as, pick(d, names.empty() ? c.names->devices : names));
}

// An armed provider fault meets a name the caller holds: ERROR_EXTENDED_ERROR.
Step cancel_faulted(const Choices& c, StepDraw& d) {
  if (!c.any(&Actor::held)) {
    const Actor& as = pick_actor(d, c);
    return cancel_as(c, d, as, pick(d, c.names->devices));
  }
  auto [as, name] = pick_pair(d, c, &Actor::held);
  return cancel_as(c, d, *as, name);
}

// A deviceless remote cancelled under another spelling.
Step cancel_respelled(const Choices& c, StepDraw& d) {
  auto [as, name] = pick_pair(d, c, &Actor::respelled);
  return cancel_as(c, d, *as, name);
}

// A linked partner cancels what its pair holds.
Step cancel_by_partner(const Choices& c, StepDraw& d) {
  const Actor& as = pick_flagged(d, c, &Actor::partnered);
  return cancel_as(c, d, as, pick(d, as.held.empty() ? c.names->devices : as.held));
}

// Another use of a remote the caller holds deviceless: deviceless again (as given or spelled
// otherwise: uses pile up), or through a device (one cancel by remote must leave it alone).
Step add_another_use(const Choices& c, StepDraw& d) {
  auto [as, remote] = pick_pair(d, c, &Actor::deviceless);
  AddStep a;
  a.as = as->name;
  a.remote = coin(d) ? pick(d, as->respelled) : remote;
  if (uniform(d, 0, 3) == 0) a.local = pick(d, c.names->devices);
  else if (coin(d)) a.local = "";
  return a;
}

// A file or directory open, or a current directory, on a connection the caller holds.
Step open_on_held(const Choices& c, StepDraw& d) {
  auto [as, root] = pick_pair(d, c, &Actor::paths);
  const HandleKind kind = coin(d) ? HandleKind::File : HandleKind::Directory;
  return OpenStep{as->name, root + leaf(kind), pick(d, c.free_handles), kind};
}

Step chdir_on_held(const Choices& c, StepDraw& d) {
  auto [as, root] = pick_pair(d, c, &Actor::paths);
  return ChdirStep{as->name, root + leaf(HandleKind::Directory)};
}

// A logon leaves with handles, jobs or a current directory behind.
Step logoff_with_leftovers(const Choices& c, StepDraw& d) { return LogoffStep{pick(d, c.with_leftovers)}; }

Step io_orphaned(const Choices& c, StepDraw& d) { return IoStep{pick(d, c.orphaned)}; }

// Read your writes: the name the last step changed, looked at again by a cancel, or for a
// device by a lookup, the drive list or the profile (whichever kinds the swarm enables).
Step look_again(const Choices& c, StepDraw& d) {
  auto [as, name] = pick_pair(d, c, &Actor::changed);
  if (c.changed_by && !c.changed_by->changed.empty() && uniform(d, 0, 2) != 0) {
    as = c.changed_by;
    name = pick(d, as->changed);
  }
  enum Way { Cancel, Drives, GetConnection, QueryDosDevice, Profile };
  std::vector<Way> ways = {Cancel};
  const auto& kinds = c.swarm->kinds;
  if (is_device_name(name)) {
    if (kinds.count(DrivesStep::traits.kind)) ways.push_back(Drives);
    if (kinds.count(GetConnectionStep::traits.kind)) ways.push_back(GetConnection);
    if (kinds.count(QueryDosDeviceStep::traits.kind)) ways.push_back(QueryDosDevice);
    if (as->name != kSystemLogon && kinds.count(ProfileStep::traits.kind)) ways.push_back(Profile);
  }
  switch (pick(d, ways)) {
    case Drives: return DrivesStep{as->name};
    case GetConnection: return GetConnectionStep{as->name, name};
    case QueryDosDevice: return QueryDosDeviceStep{as->name, name};
    case Profile: return ProfileStep{as->logon->user, name};
    case Cancel: break;
  }
  return cancel_as(c, d, *as, name);
}

// A profile fault on the user of a logon that holds or remembers devices.
Step fault_callers_profile(const Choices& c, StepDraw& d) {
  std::vector<std::string> users;
  const auto devices_of_user = c.devices_of_user();
  for (const auto& [u, devices] : devices_of_user) users.push_back(u);
  ProfileFaultStep p;
  p.user = pick(d, users);
  p.health = coin(d) ? ProfileHealth::Corrupt : ProfileHealth::Unreadable;
  if (p.health == ProfileHealth::Corrupt) p.device = pick(d, devices_of_user.at(p.user));
  return p;
}

constexpr bool every_step_type_has_a_generator() {
  bool all = true;
  for_each_step_type([&]<class T>(std::type_identity<T> t) {
    all = all && requires(const Choices& c, StepDraw& d) { generate(t, c, d); };
  });
  return all;
}
static_assert(every_step_type_has_a_generator(), "a step type of the registry has no generate() overload");

template <class T>
Step make(const Choices& c, StepDraw& d) {
  return generate(std::type_identity<T>{}, c, d);
}

// Both fault types are one kind of the menu: the swarm's knobs say which may come.
Step make_fault(const Choices& c, StepDraw& d) {
  if (c.swarm->provider_faults && (!c.swarm->profile_faults || coin(d))) return make<ProviderFaultStep>(c, d);
  return make<ProfileFaultStep>(c, d);
}

// The menu: every entry, its kind (a swarm that disables the kind never offers it) and its
// weight in a state, 0 when the state lacks what it needs. Weighted by how much each kind
// matters to WNetCancelConnection, times the factor the explorer adapted
// (explore/adaptive_weights.h).
struct MenuEntry {
  const char* name;  // the kind, or the aim: what adaptive weights credit
  const char* kind;  // the swarm must enable it; null: a knob decides (below)
  int (*weight)(const Choices&);
  Step (*make)(const Choices&, StepDraw&);
};

template <class T>
constexpr MenuEntry kind_entry(int (*weight)(const Choices&)) {
  return {T::traits.kind, T::traits.kind, weight, &make<T>};
}
int always(const Choices&) { return 1; }

const MenuEntry kMenu[] = {
    // With nothing held a cancel can only answer ERROR_NOT_CONNECTED (or a fault's code).
    kind_entry<CancelStep>([](const Choices& c) { return c.any(&Actor::held) ? 6 : 2; }),
    kind_entry<AddStep>([](const Choices&) { return 5; }),
    kind_entry<OpenStep>([](const Choices&) { return 4; }),
    kind_entry<CloseStep>([](const Choices& c) { return c.handles.empty() ? 0 : 1; }),
    kind_entry<IoStep>([](const Choices& c) { return c.handles.empty() ? 0 : 1; }),
    kind_entry<ChdirStep>([](const Choices&) { return 2; }),
    kind_entry<JobStep>(&always),
    kind_entry<EndJobStep>([](const Choices& c) { return c.jobs.empty() ? 0 : 1; }),
    kind_entry<DrivesStep>(&always),
    kind_entry<GetConnectionStep>(&always),
    kind_entry<QueryDosDeviceStep>(&always),
    kind_entry<LastErrorStep>(&always),
    kind_entry<LogonStep>([](const Choices& c) { return c.logon_names.empty() ? 0 : 1; }),
    kind_entry<LogoffStep>([](const Choices& c) { return c.logons > 1 ? 1 : 0; }),
    kind_entry<ProfileStep>(&always),
    {"fault", nullptr, [](const Choices& c) { return c.swarm->provider_faults || c.swarm->profile_faults ? 2 : 0; }, &make_fault},
    {"cancel-open-files", CancelStep::traits.kind, [](const Choices& c) { return c.any(&Actor::busy_files) ? 2 : 0; }, &cancel_open_files},
    {"cancel-open-dirs", CancelStep::traits.kind, [](const Choices& c) { return c.any(&Actor::busy_dirs) ? 2 : 0; }, &cancel_open_dirs},
    {"cancel-elsewhere", CancelStep::traits.kind, [](const Choices& c) { return c.any(&Actor::elsewhere) ? 2 : 0; }, &cancel_elsewhere},
    {"get-connection-elsewhere", GetConnectionStep::traits.kind, [](const Choices& c) { return c.any(&Actor::elsewhere) ? 2 : 0; }, &get_connection_elsewhere},
    {"query-elsewhere", QueryDosDeviceStep::traits.kind, [](const Choices& c) { return c.any(&Actor::elsewhere) ? 2 : 0; }, &query_elsewhere},
    {"job-on-held", JobStep::traits.kind, [](const Choices& c) { return c.any(&Actor::printers) ? 2 : 0; }, &job_on_held},
    {"cancel-remembered", CancelStep::traits.kind, [](const Choices& c) { return c.any(&Actor::remembered) ? 2 : 0; }, &cancel_remembered},
    {"cancel-fragile-profile", CancelStep::traits.kind, [](const Choices& c) { return c.any(&Actor::fragile) ? 2 : 0; }, &cancel_fragile},
    {"cancel-faulted", CancelStep::traits.kind, [](const Choices& c) { return c.provider_fault_armed ? 2 : 0; }, &cancel_faulted},
    {"cancel-respelled", CancelStep::traits.kind, [](const Choices& c) { return c.any(&Actor::respelled) ? 2 : 0; }, &cancel_respelled},
    {"cancel-by-partner", CancelStep::traits.kind, [](const Choices& c) { return c.any(&Actor::partnered) ? 2 : 0; }, &cancel_by_partner},
    {"add-another-use", AddStep::traits.kind, [](const Choices& c) { return c.any(&Actor::deviceless) ? 2 : 0; }, &add_another_use},
    {"open-on-held", OpenStep::traits.kind, [](const Choices& c) { return c.any(&Actor::paths) ? 2 : 0; }, &open_on_held},
    {"chdir-on-held", ChdirStep::traits.kind, [](const Choices& c) { return c.any(&Actor::paths) ? 2 : 0; }, &chdir_on_held},
    {"logoff-with-leftovers", LogoffStep::traits.kind, [](const Choices& c) { return c.with_leftovers.empty() ? 0 : 2; }, &logoff_with_leftovers},
    {"io-orphaned", IoStep::traits.kind, [](const Choices& c) { return c.orphaned.empty() ? 0 : 2; }, &io_orphaned},
    {"fault-callers-profile", nullptr, [](const Choices& c) { return c.swarm->profile_faults && c.holds_devices ? 2 : 0; }, &fault_callers_profile},
    {"look-again", nullptr, [](const Choices& c) { return c.any(&Actor::changed) ? 2 : 0; }, &look_again},
};

}  // namespace

struct StepDecoder::Menu {
  void start(const Swarm& sw) {
    names.fill(sw);
    choices.swarm = &sw;
    choices.names = &names;
    scale.clear();
    for (const MenuEntry& e : kMenu) {
      double factor = 1.0;
      if (sw.weights)
        if (const auto it = sw.weights->find(e.name); it != sw.weights->end()) factor = it->second;
      scale.push_back(e.kind && !sw.kinds.count(e.kind) ? 0.0 : 8 * factor);
    }
  }
  CaseNames names;
  Choices choices;  // the state read for the step being decoded
  std::vector<double> scale;  // per entry of kMenu: 8 x its adapted factor, 0 when the swarm disables its kind
};

StepDecoder::StepDecoder() : menu_(std::make_unique<Menu>()) {}
StepDecoder::StepDecoder(const Swarm& swarm) : StepDecoder() { start(swarm); }
StepDecoder::~StepDecoder() = default;

void StepDecoder::start(const Swarm& swarm) { menu_->start(swarm); }

GeneratedStep StepDecoder::decode(const ExploreState& state, std::uint64_t value) {
  Choices& c = menu_->choices;
  read_choices(state, c);
  int weights[std::size(kMenu)];
  int total = 0;
  for (size_t i = 0; i < std::size(kMenu); ++i) {
    const int base = menu_->scale[i] > 0 ? kMenu[i].weight(c) : 0;
    weights[i] = base > 0 ? std::max(1, static_cast<int>(base * menu_->scale[i] + 0.5)) : 0;
    total += weights[i];
  }
  StepDraw d(value);
  if (total == 0) return {make<DrivesStep>(c, d), DrivesStep::traits.kind};
  int roll = uniform(d, 0, total);
  for (size_t i = 0;; roll -= weights[i++])
    if (roll < weights[i]) return {kMenu[i].make(c, d), kMenu[i].name};
}

}  // namespace wnc
