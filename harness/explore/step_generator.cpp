#include "explore/step_generator.h"

#include <algorithm>
#include <cctype>
#include <map>

#include "scenario/name_forms.h"

namespace wnc {

namespace {

template <class T>
T pick(const std::vector<T>& v) {
  return *rc::gen::elementOf(v);
}

bool coin() { return *rc::gen::arbitrary<bool>(); }

// inRange narrows with RapidCheck's size; knobs here must not depend on the case's length.
int uniform(int lo, int hi) { return *rc::gen::resize(100, rc::gen::inRange(lo, hi)); }

// Everything a next step may name, read off the state once. A generated step keeps this
// (small) record rather than a copy of the state: shrinking may regenerate it later.
struct Choices {
  std::vector<std::string> actors;
  std::map<std::string, std::string> user_of;             // actor -> its user
  std::vector<std::string> users;                         // of the logons: whose profiles a step may name
  std::map<std::string, std::vector<std::string>> held;   // actor -> names it holds
  std::map<std::string, std::vector<std::string>> paths;  // actor -> roots of paths into them (leaf() ends them)
  std::vector<std::string> handles, jobs;                 // declared
  std::vector<std::string> free_handles, free_jobs;       // not open / not active
  std::vector<std::string> logon_names;                   // not logged on
  std::map<std::string, std::vector<std::string>> partners;  // user -> unpaired logons
  std::vector<std::string> logged_on;                     // every logon but system
  // Situations where the rare answers live, read off the state for the aimed steps below.
  std::map<std::string, std::vector<std::string>> busy_files;  // actor -> held names with files or jobs open
  std::map<std::string, std::vector<std::string>> busy_dirs;   // ... with only directories or a cwd on them
  std::map<std::string, std::vector<std::string>> printers;    // actor -> its print devices
  std::map<std::string, std::vector<std::string>> elsewhere;   // actor -> devices other logons hold
  std::map<std::string, std::vector<std::string>> remembered;  // actor -> devices only remembered
  std::map<std::string, std::vector<std::string>> deviceless;  // actor -> its deviceless remotes, as given
  std::map<std::string, std::vector<std::string>> respelled;   // ... spelled otherwise
  std::vector<std::string> fragile;         // actors whose user's profile is unreadable or has a corrupt entry
  std::vector<std::string> partnered;       // actors with a linked partner
  std::vector<std::string> with_leftovers;  // logons with handles, jobs or a current directory
  std::vector<std::string> orphaned;        // handles a cancel or logoff orphaned
  std::map<std::string, std::vector<std::string>> devices_of_user;  // user -> devices its logons hold or remember
  std::map<std::string, std::vector<std::string>> changed;  // actor -> names the last step changed, to look at again
  std::string changed_by;                                   // the actor that changed them, if any
  bool provider_fault_armed = false;
  struct Entry {
    int weight;
    Step (*make)(const Choices&, const Swarm&);
    const char* name;  // the kind, or the aim: what adaptive weights credit
  };
  std::vector<Entry> menu;
};

// A file and a directory never share a path: a real file system refuses to open a directory
// as a file (5) or to enter a file (267), which the model, deciding no file system, ignores.
std::string leaf(HandleKind kind) { return kind == HandleKind::File ? R"(\a.txt)" : R"(\d)"; }

std::vector<std::string> free_names(const std::set<std::string>& used, const char* prefix) {
  std::vector<std::string> out;
  for (int i = 1; i <= 4; ++i)
    if (!used.count(prefix + std::to_string(i))) out.push_back(prefix + std::to_string(i));
  if (out.empty()) out.push_back(std::string(prefix) + "5");
  return out;
}

// Names that mean something to `as` right now: its devices, its deviceless remotes, its
// user's remembered devices. Most cancels and opens aim at these, or little would happen.
std::vector<std::string> held_names(const ExploreState& s, const std::string& as) {
  std::vector<std::string> out;
  for (const auto& device : model::visible_devices(s.world, as))
    if (device != "C:") out.push_back(device);
  for (const auto& [id, c] : s.world.connections)
    if (!c.device && c.owners.count(as)) out.push_back(c.remote);
  if (auto p = s.world.profiles.find(s.world.logons.at(as).user); p != s.world.profiles.end())
    for (const auto& [key, e] : p->second.entries) out.push_back(key + ":");
  return out;
}

void offer_menu(const ExploreState& s, const Swarm& sw, Choices& c);

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
std::vector<std::string> respellings(const std::string& remote) {
  std::string upper = remote, lower = remote;
  for (char& ch : upper) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  for (char& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  std::vector<std::string> out;
  for (const std::string& r : {upper, lower, remote.back() == '\\' ? remote.substr(0, remote.size() - 1) : remote + "\\"})
    if (r != remote) out.push_back(r);
  return out;
}

// What the last step changed, if it succeeded: the name an add made or a cancel removed,
// seen by every actor (its caller first); after a logoff, what the others hold (a partner
// inherits).
void read_changes(const ExploreState& st, Choices& c) {
  if (!st.last_step || st.last_rc != code::kNoError) return;
  std::optional<std::string> name;
  if (const auto* add = std::get_if<AddStep>(&*st.last_step)) {
    name = add->local && !add->local->empty() ? *add->local : add->remote;
    c.changed_by = add->as;
  } else if (const auto* cancel = std::get_if<CancelStep>(&*st.last_step)) {
    name = cancel->name;
    c.changed_by = cancel->as;
  }
  for (const auto& a : c.actors) {
    if (name) c.changed[a].push_back(*name);
    else if (std::holds_alternative<LogoffStep>(*st.last_step) && !c.held.at(a).empty()) c.changed[a] = c.held.at(a);
  }
}

void read_situations(const ExploreState& st, Choices& c) {
  const model::State& s = st.world;
  for (const auto& a : c.actors) {
    const auto& logon = s.logons.at(a);
    std::set<std::string> connected;
    for (const auto& [id, conn] : s.connections) {
      if (!conn.owners.count(a)) {
        if (conn.device) c.elsewhere[a].push_back(*conn.device);
        continue;
      }
      const std::string name = conn.device ? *conn.device : conn.remote;
      if (const Use use = use_of(s, id); use == Use::Files) c.busy_files[a].push_back(name);
      else if (use == Use::Directories) c.busy_dirs[a].push_back(name);
      if (conn.device && conn.type == ResourceType::Print) c.printers[a].push_back(*conn.device);
      if (conn.device) connected.insert(*conn.device);
      else {
        c.deviceless[a].push_back(conn.remote);
        for (auto& r : respellings(conn.remote)) c.respelled[a].push_back(r);
      }
    }
    if (auto p = s.profiles.find(logon.user); p != s.profiles.end()) {
      bool corrupt = false;
      for (const auto& [key, e] : p->second.entries) {
        if (!connected.count(key + ":")) c.remembered[a].push_back(key + ":");
        corrupt = corrupt || !e.remote;
      }
      if (!p->second.readable || corrupt) c.fragile.push_back(a);
    }
    if (logon.partner) c.partnered.push_back(a);
    for (const auto& name : c.held.at(a))
      if (is_device_name(name)) c.devices_of_user[logon.user].push_back(name);
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

std::shared_ptr<const Choices> read_choices(const ExploreState& s, const Swarm& sw) {
  auto c = std::make_shared<Choices>();
  for (const auto& [name, logon] : s.world.logons) {
    if (name != kSystemLogon || sw.as_system) c->actors.push_back(name);
    c->user_of[name] = logon.user;
    if (name != kSystemLogon && std::find(c->users.begin(), c->users.end(), logon.user) == c->users.end())
      c->users.push_back(logon.user);
    if (name != kSystemLogon && !logon.partner) c->partners[logon.user].push_back(name);
    if (name != kSystemLogon) c->logged_on.push_back(name);
  }
  if (c->actors.empty()) c->actors.push_back(kSystemLogon);
  if (c->users.empty()) c->users.push_back("alice");
  for (const auto& a : c->actors) {
    c->held[a] = held_names(s, a);
    c->paths[a] = {};
    for (const auto& name : c->held[a]) {
      if (is_disk_device(name)) c->paths[a].push_back(name);
      // Only through a deviceless disk connection: a print one would be an implicit connection.
      // One separator: a remote held as given with a trailing backslash is '\\fs1\docs\d', not '\\d'.
      const std::string root = name.ends_with('\\') ? name.substr(0, name.size() - 1) : name;
      if (is_remote_name(name) && !model::outside_domain(s.world, ChdirStep{a, root + leaf(HandleKind::Directory)}))
        c->paths[a].push_back(root);
    }
  }
  c->handles.assign(s.validity.declared_handles().begin(), s.validity.declared_handles().end());
  c->jobs.assign(s.validity.declared_jobs().begin(), s.validity.declared_jobs().end());
  c->free_handles = free_names(s.validity.open_handles(), "h");
  c->free_jobs = free_names(s.validity.active_jobs(), "j");
  for (const char* n : {"alice3", "bob2", "alice", "alice2", "bob"})
    if (!s.world.logons.count(n)) c->logon_names.push_back(n);
  read_situations(s, *c);

  offer_menu(s, sw, *c);
  return c;
}

std::vector<std::string> devices(const Swarm& sw) {
  std::vector<std::string> d = {"Z:", "Y:", "S:"};
  if (sw.print) d.push_back("LPT1:");
  if (sw.nasty_names) d.insert(d.end(), {"z:", "C:", R"(Z:\)", "LPT1", "lpt1:"});
  return d;
}

std::vector<std::string> remotes(const Swarm& sw) {
  std::vector<std::string> r = sw.setup.network.shares;
  r.push_back(R"(\\fs9\nowhere)");
  if (sw.nasty_names) r.insert(r.end(), {R"(\\FS1\DOCS)", R"(\\fs1\docs\)", R"(\\fs1\docs\\)"});
  return r;
}

// Paths whatever the caller holds. No UNC path: one the caller holds no deviceless
// connection to is an implicit connection, outside the model; held ones come from Choices.
std::vector<std::string> any_paths(const Swarm& sw, HandleKind kind) {
  if (kind == HandleKind::File) {
    std::vector<std::string> p = {R"(Z:\a.txt)", R"(Y:\a.txt)", R"(C:\work\a.txt)"};
    if (sw.nasty_names) p.insert(p.end(), {R"(z:\A.TXT)", R"(LPT1:\x)"});
    return p;
  }
  std::vector<std::string> p = {R"(Y:\dir)", R"(Z:\d)", R"(C:\work)"};
  if (sw.nasty_names) p.insert(p.end(), {"Z:", R"(z:\D)"});
  return p;
}

std::string path_for(const Choices& c, const Swarm& sw, const std::string& as, HandleKind kind) {
  const auto& own = c.paths.at(as);
  return own.empty() || uniform(0, 4) == 0 ? pick(any_paths(sw, kind)) : pick(own) + leaf(kind);
}

// One generator per step type; the registry's static check below fails the build when a
// type has none.
Step generate(std::type_identity<AddStep>, const Choices& c, const Swarm& sw) {
  AddStep a;
  a.as = pick(c.actors);
  if (sw.print && uniform(0, 5) == 0) {
    a.type = ResourceType::Print;
    a.remote = pick(sw.setup.network.printers);
    std::vector<std::string> locals = {"LPT1:", "LPT2:", ""};
    if (sw.nasty_names) locals.push_back("Z:");
    a.local = pick(locals);
  } else {
    a.remote = pick(remotes(sw));
    std::vector<std::string> locals = devices(sw);
    locals.push_back("");
    a.local = pick(locals);
  }
  // Deviceless uses of one remote pile up (docs/behaviour.md, the world): sometimes add another.
  for (const auto& name : c.held.at(a.as))
    if (is_remote_name(name) && uniform(0, 3) == 0) {
      a.local = "";
      a.remote = name;
      a.type = ResourceType::Disk;
      break;
    }
  if (a.local->empty() && coin()) a.local.reset();
  a.persistent = coin();
  return a;
}

Step generate(std::type_identity<CancelStep>, const Choices& c, const Swarm& sw) {
  CancelStep s;
  s.as = pick(c.actors);
  const auto& held = c.held.at(s.as);
  if (!held.empty() && uniform(0, 4) != 0) {
    s.name = pick(held);
  } else {
    std::vector<std::string> names = devices(sw);
    for (const auto& r : remotes(sw)) names.push_back(r);
    if (sw.nasty_names) names.insert(names.end(), {"", "foo"});
    s.name = pick(names);
  }
  if (sw.nasty_names && sw.null_name && uniform(0, 8) == 0) s.name.reset();
  s.force = coin();
  std::vector<Api> apis = {Api::W, Api::W2};
  if (sw.ansi) apis.insert(apis.end(), {Api::A, Api::A2});
  s.api = pick(apis);
  s.update_profile = (s.api == Api::W2 || s.api == Api::A2) && coin();
  return s;
}

Step generate(std::type_identity<GetConnectionStep>, const Choices& c, const Swarm& sw) {
  return GetConnectionStep{pick(c.actors), pick(devices(sw))};
}

Step generate(std::type_identity<DrivesStep>, const Choices& c, const Swarm&) { return DrivesStep{pick(c.actors)}; }

Step generate(std::type_identity<QueryDosDeviceStep>, const Choices& c, const Swarm& sw) {
  return QueryDosDeviceStep{pick(c.actors), pick(devices(sw))};
}

Step generate(std::type_identity<OpenStep>, const Choices& c, const Swarm& sw) {
  const std::string who = pick(c.actors);
  const HandleKind kind = coin() ? HandleKind::File : HandleKind::Directory;
  return OpenStep{who, path_for(c, sw, who, kind), pick(c.free_handles), kind};
}

Step generate(std::type_identity<CloseStep>, const Choices& c, const Swarm&) { return CloseStep{pick(c.handles)}; }

Step generate(std::type_identity<IoStep>, const Choices& c, const Swarm&) { return IoStep{pick(c.handles)}; }

Step generate(std::type_identity<ChdirStep>, const Choices& c, const Swarm& sw) {
  const std::string who = pick(c.actors);
  return ChdirStep{who, path_for(c, sw, who, HandleKind::Directory)};
}

Step generate(std::type_identity<JobStep>, const Choices& c, const Swarm& sw) {
  const std::string who = pick(c.actors);
  std::vector<std::string> d = {"LPT1:", "LPT2:"};
  if (sw.nasty_names) d.push_back("Z:");
  return JobStep{who, pick(d), pick(c.free_jobs)};
}

Step generate(std::type_identity<EndJobStep>, const Choices& c, const Swarm&) { return EndJobStep{pick(c.jobs)}; }

// A user with a logon: another user's profile is loaded by nobody (and an agent reaches only
// its own logon's).
Step generate(std::type_identity<ProfileFaultStep>, const Choices& c, const Swarm&) {
  ProfileFaultStep p;
  p.user = pick(c.users);
  p.health = pick(std::vector<ProfileHealth>{ProfileHealth::Unreadable, ProfileHealth::Corrupt, ProfileHealth::Ok});
  if (p.health == ProfileHealth::Corrupt) p.device = pick(std::vector<std::string>{"Z:", "Y:", "LPT1:"});
  return p;
}

Step generate(std::type_identity<ProviderFaultStep>, const Choices&, const Swarm&) {
  ProviderFaultStep f;
  f.code = static_cast<Code>(uniform(5001, 5004));
  f.text = pick(std::vector<std::string>{"server on fire", "quota exceeded"});
  f.name = "TestNet";
  f.times = uniform(1, 3);
  return f;
}

Step generate(std::type_identity<LastErrorStep>, const Choices& c, const Swarm&) { return LastErrorStep{pick(c.actors)}; }

Step generate(std::type_identity<LogonStep>, const Choices& c, const Swarm& sw) {
  LogonStep l;
  l.name = pick(c.logon_names);
  l.user = l.name.rfind("bob", 0) == 0 ? "bob" : "alice";
  l.session = *rc::gen::element(1, 2);
  // A UAC pair: the same user's two logons, never system.
  auto partners = c.partners.find(l.user);
  if (sw.setup.profile == BehaviourProfile::NtLinked && partners != c.partners.end() && coin())
    l.linked = pick(partners->second);
  return l;
}

Step generate(std::type_identity<LogoffStep>, const Choices& c, const Swarm&) { return LogoffStep{pick(c.logged_on)}; }

// What a cancel or an add left in the profile, read back: the devices a case uses.
Step generate(std::type_identity<ProfileStep>, const Choices& c, const Swarm& sw) {
  std::vector<std::string> d = {"Z:", "Y:", "S:"};
  if (sw.print) d.push_back("LPT1:");
  return ProfileStep{pick(c.users), pick(d)};
}


// Aimed steps: one step toward a precondition of the rare answers and paths, offered only when
// the state has it (docs/explore.md, the generator). They make steps of the kinds above, so
// they are offered only when the swarm enables that kind.

CancelStep cancel_of(const Choices& c, const Swarm& sw, std::string as, std::string name) {
  CancelStep s = std::get<CancelStep>(generate(std::type_identity<CancelStep>{}, c, sw));
  s.as = std::move(as);
  s.name = std::move(name);
  return s;
}

using NamesByActor = std::map<std::string, std::vector<std::string>>;

std::pair<std::string, std::string> pick_pair(const NamesByActor& names) {
  std::vector<std::string> actors;
  for (const auto& [a, n] : names) actors.push_back(a);
  const std::string as = pick(actors);
  return {as, pick(names.at(as))};
}

// A name in use, cancelled mostly without force: ERROR_OPEN_FILES or ERROR_DEVICE_IN_USE.
Step cancel_busy(const Choices& c, const Swarm& sw, const NamesByActor& busy) {
  auto [as, name] = pick_pair(busy);
  CancelStep s = cancel_of(c, sw, as, name);
  s.force = uniform(0, 4) == 0;
  return s;
}
Step cancel_open_files(const Choices& c, const Swarm& sw) { return cancel_busy(c, sw, c.busy_files); }
Step cancel_open_dirs(const Choices& c, const Swarm& sw) { return cancel_busy(c, sw, c.busy_dirs); }

// Another logon's device: invisible to the caller unless system's or its linked partner's.
Step cancel_elsewhere(const Choices& c, const Swarm& sw) {
  auto [as, name] = pick_pair(c.elsewhere);
  return cancel_of(c, sw, as, name);
}
Step get_connection_elsewhere(const Choices& c, const Swarm&) {
  auto [as, name] = pick_pair(c.elsewhere);
  return GetConnectionStep{as, name};
}
Step query_elsewhere(const Choices& c, const Swarm&) {
  auto [as, name] = pick_pair(c.elsewhere);
  return QueryDosDeviceStep{as, name};
}

// A print job on a printer the caller holds.
Step job_on_held(const Choices& c, const Swarm&) {
  auto [as, device] = pick_pair(c.printers);
  return JobStep{as, device, pick(c.free_jobs)};
}

// A device only remembered: the profile decides.
Step cancel_remembered(const Choices& c, const Swarm& sw) {
  auto [as, name] = pick_pair(c.remembered);
  return cancel_of(c, sw, as, name);
}

// The caller's own profile is unreadable or corrupt: a held or remembered device of its.
Step cancel_fragile(const Choices& c, const Swarm& sw) {
  const std::string as = pick(c.fragile);
  std::vector<std::string> names;
  for (const auto& n : c.held.at(as))
    if (is_device_name(n)) names.push_back(n);
  return cancel_of(c, sw, as, names.empty() ? pick(devices(sw)) : pick(names));
}

// An armed provider fault meets a name the caller holds: ERROR_EXTENDED_ERROR.
Step cancel_faulted(const Choices& c, const Swarm& sw) {
  std::vector<std::string> actors;
  for (const auto& a : c.actors)
    if (!c.held.at(a).empty()) actors.push_back(a);
  const std::string as = actors.empty() ? pick(c.actors) : pick(actors);
  return cancel_of(c, sw, as, c.held.at(as).empty() ? pick(devices(sw)) : pick(c.held.at(as)));
}

// A deviceless remote cancelled under another spelling.
Step cancel_respelled(const Choices& c, const Swarm& sw) {
  auto [as, name] = pick_pair(c.respelled);
  return cancel_of(c, sw, as, name);
}

// A linked partner cancels what its pair holds.
Step cancel_by_partner(const Choices& c, const Swarm& sw) {
  const std::string as = pick(c.partnered);
  return cancel_of(c, sw, as, c.held.at(as).empty() ? pick(devices(sw)) : pick(c.held.at(as)));
}

// Another use of a remote the caller holds deviceless: deviceless again (as given or spelled
// otherwise: uses pile up), or through a device (one cancel by remote must leave it alone).
Step add_another_use(const Choices& c, const Swarm& sw) {
  auto [as, remote] = pick_pair(c.deviceless);
  AddStep a;
  a.as = as;
  a.remote = coin() ? remote : pick(c.respelled.at(as));
  if (uniform(0, 3) == 0) a.local = pick(devices(sw));
  else if (coin()) a.local = "";
  return a;
}

// A file or directory open, or a current directory, on a connection the caller holds.
std::string held_path(const Choices& c, const std::string& as, HandleKind kind) { return pick(c.paths.at(as)) + leaf(kind); }

std::vector<std::string> actors_with_paths(const Choices& c) {
  std::vector<std::string> out;
  for (const auto& [a, p] : c.paths)
    if (!p.empty()) out.push_back(a);
  return out;
}

Step open_on_held(const Choices& c, const Swarm&) {
  const std::string as = pick(actors_with_paths(c));
  const HandleKind kind = coin() ? HandleKind::File : HandleKind::Directory;
  return OpenStep{as, held_path(c, as, kind), pick(c.free_handles), kind};
}

Step chdir_on_held(const Choices& c, const Swarm&) {
  const std::string as = pick(actors_with_paths(c));
  return ChdirStep{as, held_path(c, as, HandleKind::Directory)};
}

// A logon leaves with handles, jobs or a current directory behind.
Step logoff_with_leftovers(const Choices& c, const Swarm&) { return LogoffStep{pick(c.with_leftovers)}; }

Step io_orphaned(const Choices& c, const Swarm&) { return IoStep{pick(c.orphaned)}; }

// Read your writes: the name the last step changed, looked at again by a cancel, or for a
// device by a lookup, the drive list or the profile (whichever kinds the swarm enables).
Step look_again(const Choices& c, const Swarm& sw) {
  auto [as, name] = pick_pair(c.changed);
  if (c.changed.count(c.changed_by) && uniform(0, 2) != 0) {
    as = c.changed_by;
    name = pick(c.changed.at(as));
  }
  std::vector<int> ways = {0};
  const bool device = is_device_name(name);
  if (device && sw.kinds.count(DrivesStep::traits.kind)) ways.push_back(1);
  if (device && sw.kinds.count(GetConnectionStep::traits.kind)) ways.push_back(2);
  if (device && sw.kinds.count(QueryDosDeviceStep::traits.kind)) ways.push_back(3);
  if (device && as != kSystemLogon && sw.kinds.count(ProfileStep::traits.kind)) ways.push_back(4);
  switch (pick(ways)) {
    case 1: return DrivesStep{as};
    case 2: return GetConnectionStep{as, name};
    case 3: return QueryDosDeviceStep{as, name};
    case 4: return ProfileStep{c.user_of.at(as), name};
    default: return cancel_of(c, sw, as, name);
  }
}

// A profile fault on the user of a logon that holds or remembers devices.
Step fault_callers_profile(const Choices& c, const Swarm&) {
  std::vector<std::string> users;
  for (const auto& [u, d] : c.devices_of_user) users.push_back(u);
  ProfileFaultStep p;
  p.user = pick(users);
  p.health = coin() ? ProfileHealth::Unreadable : ProfileHealth::Corrupt;
  if (p.health == ProfileHealth::Corrupt) p.device = pick(c.devices_of_user.at(p.user));
  return p;
}

constexpr bool every_step_type_has_a_generator() {
  bool all = true;
  for_each_step_type([&]<class T>(std::type_identity<T> t) {
    all = all && requires(const Choices& c, const Swarm& sw) { generate(t, c, sw); };
  });
  return all;
}
static_assert(every_step_type_has_a_generator(), "a step type of the registry has no generate() overload");

template <class T>
Step make(const Choices& c, const Swarm& sw) {
  return generate(std::type_identity<T>{}, c, sw);
}

// Both fault types are one kind of the menu: the swarm's knobs say which may come.
Step make_fault(const Choices& c, const Swarm& sw) {
  if (sw.provider_faults && (!sw.profile_faults || coin())) return make<ProviderFaultStep>(c, sw);
  return make<ProfileFaultStep>(c, sw);
}

// Weighted by how much each kind matters to WNetCancelConnection, times the factor the
// explorer adapted (explore/adaptive_weights.h).
void offer_menu(const ExploreState& s, const Swarm& sw, Choices& c) {
  auto offer_entry = [&](int weight, Step (*make)(const Choices&, const Swarm&), const char* name) {
    const auto factor = sw.weights.find(name);
    const double f = factor == sw.weights.end() ? 1.0 : factor->second;
    c.menu.push_back({std::max(1, static_cast<int>(weight * 8 * f + 0.5)), make, name});
  };
  auto offer = [&]<class T>(int weight, std::type_identity<T>, bool possible = true) {
    if (sw.kinds.count(T::traits.kind) && possible) offer_entry(weight, &make<T>, T::traits.kind);
  };
  auto aim = [&](const char* kind, bool possible, Step (*make)(const Choices&, const Swarm&), const char* name) {
    if (sw.kinds.count(kind) && possible) offer_entry(2, make, name);
  };
  // With nothing held a cancel can only answer ERROR_NOT_CONNECTED (or a fault's code).
  bool holds_any = false;
  for (const auto& [a, names] : c.held) holds_any = holds_any || !names.empty();
  offer(holds_any ? 6 : 2, std::type_identity<CancelStep>{});
  offer(5, std::type_identity<AddStep>{});
  offer(4, std::type_identity<OpenStep>{});
  offer(1, std::type_identity<CloseStep>{}, !c.handles.empty());
  offer(1, std::type_identity<IoStep>{}, !c.handles.empty());
  offer(2, std::type_identity<ChdirStep>{});
  offer(1, std::type_identity<JobStep>{});
  offer(1, std::type_identity<EndJobStep>{}, !c.jobs.empty());
  offer(1, std::type_identity<DrivesStep>{});
  offer(1, std::type_identity<GetConnectionStep>{});
  offer(1, std::type_identity<QueryDosDeviceStep>{});
  offer(1, std::type_identity<LastErrorStep>{});
  offer(1, std::type_identity<LogonStep>{}, !c.logon_names.empty());
  offer(1, std::type_identity<LogoffStep>{}, s.world.logons.size() > 1);
  offer(1, std::type_identity<ProfileStep>{});
  if (sw.provider_faults || sw.profile_faults) offer_entry(2, &make_fault, "fault");
  const char* cancel = CancelStep::traits.kind;
  aim(cancel, !c.busy_files.empty(), &cancel_open_files, "cancel-open-files");
  aim(cancel, !c.busy_dirs.empty(), &cancel_open_dirs, "cancel-open-dirs");
  aim(cancel, !c.elsewhere.empty(), &cancel_elsewhere, "cancel-elsewhere");
  aim(GetConnectionStep::traits.kind, !c.elsewhere.empty(), &get_connection_elsewhere, "get-connection-elsewhere");
  aim(QueryDosDeviceStep::traits.kind, !c.elsewhere.empty(), &query_elsewhere, "query-elsewhere");
  aim(JobStep::traits.kind, !c.printers.empty(), &job_on_held, "job-on-held");
  aim(cancel, !c.remembered.empty(), &cancel_remembered, "cancel-remembered");
  aim(cancel, !c.fragile.empty(), &cancel_fragile, "cancel-fragile-profile");
  aim(cancel, c.provider_fault_armed, &cancel_faulted, "cancel-faulted");
  aim(cancel, !c.respelled.empty(), &cancel_respelled, "cancel-respelled");
  aim(cancel, !c.partnered.empty(), &cancel_by_partner, "cancel-by-partner");
  aim(AddStep::traits.kind, !c.deviceless.empty(), &add_another_use, "add-another-use");
  const bool paths = !actors_with_paths(c).empty();
  aim(OpenStep::traits.kind, paths, &open_on_held, "open-on-held");
  aim(ChdirStep::traits.kind, paths, &chdir_on_held, "chdir-on-held");
  aim(LogoffStep::traits.kind, !c.with_leftovers.empty(), &logoff_with_leftovers, "logoff-with-leftovers");
  aim(IoStep::traits.kind, !c.orphaned.empty(), &io_orphaned, "io-orphaned");
  if (sw.profile_faults && !c.devices_of_user.empty()) offer_entry(2, &fault_callers_profile, "fault-callers-profile");
  if (!c.changed.empty()) offer_entry(2, &look_again, "look-again");
  if (c.menu.empty()) offer_entry(1, &make<DrivesStep>, DrivesStep::traits.kind);
}

}  // namespace

rc::Gen<GeneratedStep> gen_step(const ExploreState& s, const std::shared_ptr<const Swarm>& swarm) {
  std::shared_ptr<const Choices> choices = read_choices(s, *swarm);
  return rc::gen::exec([choices, swarm]() -> GeneratedStep {
    int total = 0;
    for (const auto& entry : choices->menu) total += entry.weight;
    int roll = uniform(0, total);
    for (size_t i = 0; i + 1 < choices->menu.size(); roll -= choices->menu[i++].weight)
      if (roll < choices->menu[i].weight) return {choices->menu[i].make(*choices, *swarm), choices->menu[i].name};
    return {choices->menu.back().make(*choices, *swarm), choices->menu.back().name};
  });
}

}  // namespace wnc
