#include "explore/swarm.h"

#include "capabilities.h"

namespace wnc {

std::string Swarm::describe() const {
  std::string out = std::string("profile=") + profile_name(setup.profile) + " logons=";
  bool first = true;
  for (const auto& [name, d] : setup.logons) {
    out += (first ? "" : ",") + name + "(" + d.user + "/s" + std::to_string(d.session) +
           (d.linked ? "/linked:" + *d.linked : "") + ")";
    first = false;
  }
  out += " kinds=";
  first = true;
  for (const auto& k : kinds) {
    out += (first ? "" : ",") + k;
    first = false;
  }
  out += std::string(" provider-faults=") + (provider_faults ? "on" : "off") +
         " profile-faults=" + (profile_faults ? "on" : "off") + " nasty-names=" + (nasty_names ? "on" : "off") +
         " system=" + (as_system ? "on" : "off");
  return out;
}

rc::Gen<Swarm> gen_swarm(const std::set<std::string>& caps) {
  return rc::gen::exec([caps]() {
    auto has = [&](const std::string& c) { return caps.count(c) > 0; };
    auto maybe = [&](const std::string& c) { return has(c) && *rc::gen::arbitrary<bool>(); };
    Swarm s;
    s.setup.logons["alice"] = {"alice", 1, std::nullopt};
    if (has(capability::kLogonMultiple)) {
      if (*rc::gen::arbitrary<bool>())
        s.setup.logons["alice2"] = {"alice", *rc::gen::element(1, 2), std::nullopt};
      if (*rc::gen::arbitrary<bool>()) s.setup.logons["bob"] = {"bob", 1, std::nullopt};
      if (maybe(capability::kProfileNtLinked)) {
        s.setup.profile = BehaviourProfile::NtLinked;
        s.setup.logons["admin"] = {"alice", 1, std::string("alice")};
      }
    }
    // cancel and add are the point of the exercise; the rest come and go.
    for (const char* k : {"cancel", "add"})
      if (has(k)) s.kinds.insert(k);
    for (const char* k : {"get_connection", "drives", "query_dos_device", "open", "close", "io", "chdir",
                          "job", "end_job", "last_error", "logon", "logoff"})
      if (has(k) && *rc::gen::arbitrary<bool>()) s.kinds.insert(k);
    if (!has(capability::kPrint)) {
      s.kinds.erase("job");
      s.kinds.erase("end_job");
    }
    if (!has(capability::kLogonMultiple)) {
      s.kinds.erase("logon");
      s.kinds.erase("logoff");
    }
    s.provider_faults = has("fault") && maybe(capability::kFaultProvider);
    s.profile_faults = has("fault") && maybe(capability::kFaultProfile);
    s.nasty_names = *rc::gen::arbitrary<bool>();
    s.as_system = maybe(capability::kLogonSystem);
    s.ansi = has(capability::kApiAnsi);
    s.null_name = has(capability::kNameNull);
    s.print = has(capability::kPrint);
    return s;
  });
}

}  // namespace wnc
