#include "explore/step_generator.h"

namespace wnc {

namespace {

template <class T>
T pick(const std::vector<T>& v) {
  return *rc::gen::elementOf(v);
}

bool coin() { return *rc::gen::arbitrary<bool>(); }

// inRange narrows with RapidCheck's size; knobs here must not depend on the case's length.
int uniform(int lo, int hi) { return *rc::gen::resize(100, rc::gen::inRange(lo, hi)); }

std::vector<std::string> actors(const ExploreState& s, const Swarm& sw) {
  std::vector<std::string> out;
  for (const auto& name : model::live_logons(s.world))
    if (name != kSystemLogon || sw.as_system) out.push_back(name);
  if (out.empty()) out.push_back(kSystemLogon);
  return out;
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

Step gen_add(const ExploreState& s, const Swarm& sw) {
  AddStep a;
  a.as = pick(actors(s, sw));
  const bool print = sw.print && uniform(0, 5) == 0;
  if (print) {
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
  if (a.local->empty() && coin()) a.local.reset();
  a.persistent = coin();
  return a;
}

// Names that mean something to `as` right now: its devices, its deviceless remotes, its
// user's remembered devices. Most cancels and opens aim at these, or little would happen.
std::vector<std::string> held_names(const ExploreState& s, const std::string& as) {
  std::vector<std::string> out = model::visible_devices(s.world, as);
  for (const auto& [id, c] : s.world.connections)
    if (!c.device && c.owners.count(as)) out.push_back(c.remote);
  if (auto p = s.world.profiles.find(s.world.logons.at(as).user); p != s.world.profiles.end())
    for (const auto& [key, e] : p->second.entries) out.push_back(key + ":");
  return out;
}

Step gen_cancel(const ExploreState& s, const Swarm& sw) {
  CancelStep c;
  c.as = pick(actors(s, sw));
  std::vector<std::string> names = held_names(s, c.as);
  if (names.empty() || coin()) {
    names = devices(sw);
    for (const auto& r : remotes(sw)) names.push_back(r);
    if (sw.nasty_names) names.insert(names.end(), {"", "foo"});
  }
  c.name = pick(names);
  if (sw.nasty_names && sw.null_name && uniform(0, 8) == 0) c.name.reset();
  c.force = coin();
  std::vector<Api> apis = {Api::W, Api::W2};
  if (sw.ansi) apis.insert(apis.end(), {Api::A, Api::A2});
  c.api = pick(apis);
  c.update_profile = (c.api == Api::W2 || c.api == Api::A2) && coin();
  return c;
}

std::vector<std::string> paths(const ExploreState& s, const Swarm& sw, const std::string& as) {
  std::vector<std::string> p;
  for (const auto& name : held_names(s, as)) {
    if (name.size() == 2) p.push_back(name + R"(\a.txt)");
    if (name.rfind(R"(\\)", 0) == 0) p.push_back(name + R"(\b)");
  }
  if (p.empty() || coin()) {
    p = {R"(Z:\a.txt)", R"(Y:\dir)", R"(C:\work)", R"(\\fs1\docs\a.txt)"};
    if (sw.nasty_names) p.insert(p.end(), {R"(z:\A.TXT)", "Z:", R"(\\FS1\DOCS\c)", R"(LPT1:\x)"});
  }
  return p;
}

std::string fresh_name(const std::set<std::string>& live, const char* prefix) {
  std::vector<std::string> free;
  for (int i = 1; i <= 4; ++i)
    if (!live.count(prefix + std::to_string(i))) free.push_back(prefix + std::to_string(i));
  return free.empty() ? std::string(prefix) + "1" : pick(free);
}

Step gen_fault(const Swarm& sw) {
  const bool provider = sw.provider_faults && (!sw.profile_faults || coin());
  if (provider) {
    ProviderFaultStep f;
    f.code = static_cast<Code>(uniform(5001, 5004));
    f.text = pick(std::vector<std::string>{"server on fire", "quota exceeded"});
    f.name = "TestNet";
    f.times = uniform(1, 3);
    return f;
  }
  ProfileFaultStep p;
  p.user = pick(std::vector<std::string>{"alice", "bob"});
  p.health = pick(std::vector<ProfileHealth>{ProfileHealth::Unreadable, ProfileHealth::Corrupt, ProfileHealth::Ok});
  if (p.health == ProfileHealth::Corrupt) p.device = pick(std::vector<std::string>{"Z:", "Y:", "LPT1:"});
  return p;
}

Step gen_logon(const ExploreState& s, const Swarm& sw) {
  LogonStep l;
  std::vector<std::string> names;
  for (const char* n : {"alice3", "bob2", "alice", "alice2", "bob"})
    if (!s.world.logons.count(n)) names.push_back(n);
  l.name = names.empty() ? "alice3" : pick(names);
  l.user = l.name.rfind("bob", 0) == 0 ? "bob" : "alice";
  l.session = *rc::gen::element(1, 2);
  if (sw.setup.profile == BehaviourProfile::NtLinked && coin()) {
    auto live = actors(s, sw);
    l.linked = pick(live);
  }
  return l;
}

}  // namespace

rc::Gen<Step> gen_step(const ExploreState& s, const Swarm& sw) {
  // Weighted by how much each kind matters to WNetCancelConnection.
  std::vector<std::pair<int, std::string>> menu;
  auto offer = [&](int weight, const char* kind, bool possible = true) {
    if (sw.kinds.count(kind) && possible) menu.emplace_back(weight, kind);
  };
  offer(6, "cancel");
  offer(5, "add");
  offer(2, "open");
  offer(1, "close", !s.declared_handles.empty());
  offer(1, "io", !s.declared_handles.empty());
  offer(1, "chdir");
  offer(1, "job");
  offer(1, "end_job", !s.declared_jobs.empty());
  offer(1, "drives");
  offer(1, "get_connection");
  offer(1, "query_dos_device");
  offer(1, "last_error");
  offer(1, "logon");
  offer(1, "logoff", actors(s, sw).size() > 1 || !sw.as_system);
  if (sw.provider_faults || sw.profile_faults) menu.emplace_back(2, "fault");
  if (menu.empty()) menu.emplace_back(1, "drives");

  return rc::gen::exec([s, sw, menu]() -> Step {
    std::vector<std::pair<int, std::string>> weights = menu;
    int total = 0;
    for (const auto& [w, k] : weights) total += w;
    int roll = uniform(0, total);
    std::string kind;
    for (const auto& [w, k] : weights) {
      if (roll < w) {
        kind = k;
        break;
      }
      roll -= w;
    }
    auto as = [&]() { return pick(actors(s, sw)); };
    if (kind == "cancel") return gen_cancel(s, sw);
    if (kind == "add") return gen_add(s, sw);
    if (kind == "open") {
      const std::string who = as();
      return OpenStep{who, pick(paths(s, sw, who)), fresh_name(s.open_handles, "h"),
                      coin() ? HandleKind::File : HandleKind::Directory};
    }
    if (kind == "close") return CloseStep{pick(std::vector<std::string>(s.declared_handles.begin(), s.declared_handles.end()))};
    if (kind == "io") return IoStep{pick(std::vector<std::string>(s.declared_handles.begin(), s.declared_handles.end()))};
    if (kind == "chdir") {
      const std::string who = as();
      return ChdirStep{who, pick(paths(s, sw, who))};
    }
    if (kind == "job") {
      std::vector<std::string> d = {"LPT1:", "LPT2:"};
      if (sw.nasty_names) d.push_back("Z:");
      return JobStep{as(), pick(d), fresh_name(s.active_jobs, "j")};
    }
    if (kind == "end_job") return EndJobStep{pick(std::vector<std::string>(s.declared_jobs.begin(), s.declared_jobs.end()))};
    if (kind == "get_connection") return GetConnectionStep{as(), pick(devices(sw))};
    if (kind == "query_dos_device") return QueryDosDeviceStep{as(), pick(devices(sw))};
    if (kind == "last_error") return LastErrorStep{as()};
    if (kind == "fault") return gen_fault(sw);
    if (kind == "logon") return gen_logon(s, sw);
    if (kind == "logoff") {
      std::vector<std::string> who;
      for (const auto& a : actors(s, sw))
        if (a != kSystemLogon) who.push_back(a);
      if (!who.empty()) return LogoffStep{pick(who)};
    }
    return DrivesStep{as()};
  });
}

}  // namespace wnc
