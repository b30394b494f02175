#include "explore/swarm.h"

#include <memory>

#include "vocabulary/capabilities.h"
#include "vocabulary/step.h"

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
  // Shared: RapidCheck copies a generator's function with every value it makes.
  return rc::gen::exec([caps = std::make_shared<const std::set<std::string>>(caps)]() {
    auto has = [&](const std::string& c) { return caps->count(c) > 0; };
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
    // cancel and add are the point of the exercise; the rest come and go; faults have
    // knobs of their own.
    for (const std::string& kind : step_kinds()) {
      if (kind == CancelStep::traits.kind || kind == AddStep::traits.kind) {
        if (has(kind)) s.kinds.insert(kind);
      } else if (kind != ProfileFaultStep::traits.kind && has(kind) && *rc::gen::arbitrary<bool>()) {
        s.kinds.insert(kind);
      }
    }
    // A kind whose feature is missing is never generated.
    for_each_step_type([&]<class T>(std::type_identity<T>) {
      if (T::traits.feature && !has(T::traits.feature)) s.kinds.erase(T::traits.kind);
    });
    s.provider_faults = has(ProviderFaultStep::traits.kind) && maybe(ProviderFaultStep::traits.feature);
    s.profile_faults = has(ProfileFaultStep::traits.kind) && maybe(ProfileFaultStep::traits.feature);
    s.nasty_names = *rc::gen::arbitrary<bool>();
    s.as_system = maybe(capability::kLogonSystem);
    s.ansi = has(capability::kApiAnsi);
    s.null_name = has(capability::kNameNull);
    s.print = has(capability::kPrint);
    return s;
  });
}

}  // namespace wnc
