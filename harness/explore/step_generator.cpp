#include "explore/step_generator.h"

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
  std::map<std::string, std::vector<std::string>> held;   // actor -> names it holds
  std::map<std::string, std::vector<std::string>> paths;  // actor -> paths into them
  std::vector<std::string> handles, jobs;                 // declared
  std::vector<std::string> free_handles, free_jobs;       // not open / not active
  std::vector<std::string> logon_names;                   // not logged on
  std::map<std::string, std::vector<std::string>> partners;  // user -> unpaired logons
  std::vector<std::string> logged_on;                     // every logon but system
  std::vector<std::pair<int, Step (*)(const Choices&, const Swarm&)>> menu;  // weight, generator
};

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

std::shared_ptr<const Choices> read_choices(const ExploreState& s, const Swarm& sw) {
  auto c = std::make_shared<Choices>();
  for (const auto& [name, logon] : s.world.logons) {
    if (name != kSystemLogon || sw.as_system) c->actors.push_back(name);
    if (name != kSystemLogon && !logon.partner) c->partners[logon.user].push_back(name);
    if (name != kSystemLogon) c->logged_on.push_back(name);
  }
  if (c->actors.empty()) c->actors.push_back(kSystemLogon);
  for (const auto& a : c->actors) {
    c->held[a] = held_names(s, a);
    c->paths[a] = {};
    for (const auto& name : c->held[a]) {
      if (is_disk_device(name)) c->paths[a].push_back(name + R"(\a.txt)");
      // Only through a deviceless disk connection: a print one would be an implicit connection.
      if (const std::string path = name + R"(\b)"; is_remote_name(name) && !model::outside_domain(s.world, ChdirStep{a, path}))
        c->paths[a].push_back(path);
    }
  }
  c->handles.assign(s.validity.declared_handles().begin(), s.validity.declared_handles().end());
  c->jobs.assign(s.validity.declared_jobs().begin(), s.validity.declared_jobs().end());
  c->free_handles = free_names(s.validity.open_handles(), "h");
  c->free_jobs = free_names(s.validity.active_jobs(), "j");
  for (const char* n : {"alice3", "bob2", "alice", "alice2", "bob"})
    if (!s.world.logons.count(n)) c->logon_names.push_back(n);

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
std::vector<std::string> any_paths(const Swarm& sw) {
  std::vector<std::string> p = {R"(Z:\a.txt)", R"(Y:\dir)", R"(C:\work)"};
  if (sw.nasty_names) p.insert(p.end(), {R"(z:\A.TXT)", "Z:", R"(LPT1:\x)"});
  return p;
}

std::string path_for(const Choices& c, const Swarm& sw, const std::string& as) {
  const auto& own = c.paths.at(as);
  return own.empty() || uniform(0, 4) == 0 ? pick(any_paths(sw)) : pick(own);
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
  return OpenStep{who, path_for(c, sw, who), pick(c.free_handles), coin() ? HandleKind::File : HandleKind::Directory};
}

Step generate(std::type_identity<CloseStep>, const Choices& c, const Swarm&) { return CloseStep{pick(c.handles)}; }

Step generate(std::type_identity<IoStep>, const Choices& c, const Swarm&) { return IoStep{pick(c.handles)}; }

Step generate(std::type_identity<ChdirStep>, const Choices& c, const Swarm& sw) {
  const std::string who = pick(c.actors);
  return ChdirStep{who, path_for(c, sw, who)};
}

Step generate(std::type_identity<JobStep>, const Choices& c, const Swarm& sw) {
  const std::string who = pick(c.actors);
  std::vector<std::string> d = {"LPT1:", "LPT2:"};
  if (sw.nasty_names) d.push_back("Z:");
  return JobStep{who, pick(d), pick(c.free_jobs)};
}

Step generate(std::type_identity<EndJobStep>, const Choices& c, const Swarm&) { return EndJobStep{pick(c.jobs)}; }

Step generate(std::type_identity<ProfileFaultStep>, const Choices&, const Swarm&) {
  ProfileFaultStep p;
  p.user = pick(std::vector<std::string>{"alice", "bob"});
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
Step generate(std::type_identity<ProfileStep>, const Choices&, const Swarm& sw) {
  std::vector<std::string> d = {"Z:", "Y:", "S:"};
  if (sw.print) d.push_back("LPT1:");
  return ProfileStep{pick(std::vector<std::string>{"alice", "bob"}), pick(d)};
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

// Weighted by how much each kind matters to WNetCancelConnection.
void offer_menu(const ExploreState& s, const Swarm& sw, Choices& c) {
  auto offer = [&]<class T>(int weight, std::type_identity<T>, bool possible = true) {
    if (sw.kinds.count(T::traits.kind) && possible) c.menu.emplace_back(weight, &make<T>);
  };
  offer(6, std::type_identity<CancelStep>{});
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
  if (sw.provider_faults || sw.profile_faults) c.menu.emplace_back(2, &make_fault);
  if (c.menu.empty()) c.menu.emplace_back(1, &make<DrivesStep>);
}

}  // namespace

rc::Gen<Step> gen_step(const ExploreState& s, const std::shared_ptr<const Swarm>& swarm) {
  std::shared_ptr<const Choices> choices = read_choices(s, *swarm);
  return rc::gen::exec([choices, swarm]() -> Step {
    int total = 0;
    for (const auto& [w, k] : choices->menu) total += w;
    int roll = uniform(0, total);
    for (const auto& [w, generator] : choices->menu) {
      if (roll < w) return generator(*choices, *swarm);
      roll -= w;
    }
    return DrivesStep{pick(choices->actors)};
  });
}

}  // namespace wnc
