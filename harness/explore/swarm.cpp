#include "explore/swarm.h"

#include <cstdint>
#include <memory>
#include <vector>

#include "vocabulary/capabilities.h"
#include "vocabulary/internal_error.h"
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

namespace {

// What a swarm may turn on, given the capabilities: each knob is one bit of the case's draw.
class Knobs {
 public:
  explicit Knobs(const std::set<std::string>& caps) : caps_(caps) {
    auto has = [&](const std::string& c) { return caps.count(c) > 0; };
    // A kind whose feature is missing is never generated.
    std::set<std::string, std::less<>> unfit;
    for_each_step_type([&]<class T>(std::type_identity<T>) {
      if (T::traits.feature && !has(T::traits.feature)) unfit.insert(T::traits.kind);
    });
    // cancel and add are the point of the exercise; the rest come and go; faults have
    // knobs of their own.
    for (const std::string& kind : step_kinds()) {
      if (!has(kind) || unfit.count(kind)) continue;
      if (kind == CancelStep::traits.kind || kind == AddStep::traits.kind)
        always_.insert(kind);
      else if (kind != ProfileFaultStep::traits.kind)
        optional_.push_back(kind);
    }
    multiple_ = has(capability::kLogonMultiple);
    linked_ = multiple_ && has(capability::kProfileNtLinked);
    provider_faults_ = has(ProviderFaultStep::traits.kind) && has(ProviderFaultStep::traits.feature);
    profile_faults_ = has(ProfileFaultStep::traits.kind) && has(ProfileFaultStep::traits.feature);
    system_ = has(capability::kLogonSystem);
    WNC_ASSERT(kFirstKind + optional_.size() <= 64, "more swarm knobs than bits in a draw");
  }

  // Only the knobs these capabilities offer: shrinking never tries a bit that changes nothing.
  std::uint64_t mask() const {
    std::uint64_t m = bit(kNasty);
    if (multiple_) m |= bit(kSecondAlice) | bit(kSecondSession) | bit(kBob);
    if (linked_) m |= bit(kLinked);
    if (provider_faults_) m |= bit(kProviderFaults);
    if (profile_faults_) m |= bit(kProfileFaults);
    if (system_) m |= bit(kSystem);
    for (std::size_t i = 0; i < optional_.size(); ++i) m |= bit(kFirstKind + i);
    return m;
  }

  // The session knob means something only with the second alice: off without her, so that
  // no two draws make the same swarm and no shrink is a step that changes nothing.
  static std::uint64_t canonical(std::uint64_t bits) {
    return bits & bit(kSecondAlice) ? bits : bits & ~bit(kSecondSession);
  }

  Swarm swarm(std::uint64_t bits) const {
    auto on = [&](std::size_t knob) { return (bits & bit(knob)) != 0; };
    Swarm s;
    s.setup.logons["alice"] = {"alice", 1, std::nullopt};
    if (on(kSecondAlice)) s.setup.logons["alice2"] = {"alice", on(kSecondSession) ? 2 : 1, std::nullopt};
    if (on(kBob)) s.setup.logons["bob"] = {"bob", 1, std::nullopt};
    if (on(kLinked)) {
      s.setup.profile = BehaviourProfile::NtLinked;
      s.setup.logons["admin"] = {"alice", 1, std::string("alice")};
    }
    s.kinds = always_;
    for (std::size_t i = 0; i < optional_.size(); ++i)
      if (on(kFirstKind + i)) s.kinds.insert(optional_[i]);
    s.provider_faults = on(kProviderFaults);
    s.profile_faults = on(kProfileFaults);
    s.nasty_names = on(kNasty);
    s.as_system = on(kSystem);
    s.ansi = caps_.count(capability::kApiAnsi) > 0;
    s.null_name = caps_.count(capability::kNameNull) > 0;
    s.print = caps_.count(capability::kPrint) > 0;
    return s;
  }

 private:
  enum : std::size_t {
    kSecondAlice,
    kSecondSession,
    kBob,
    kLinked,
    kProviderFaults,
    kProfileFaults,
    kNasty,
    kSystem,
    kFirstKind
  };
  static std::uint64_t bit(std::size_t knob) { return std::uint64_t{1} << knob; }

  std::set<std::string> caps_;
  std::set<std::string, std::less<>> always_;
  std::vector<std::string> optional_;
  bool multiple_ = false, linked_ = false, provider_faults_ = false, profile_faults_ = false, system_ = false;
};

// A knob at a time toward off, lowest first, as RapidCheck shrinks a boolean.
rc::Seq<std::uint64_t> fewer_knobs(std::uint64_t bits) {
  std::vector<std::uint64_t> out;
  for (std::uint64_t rest = bits; rest != 0; rest &= rest - 1) out.push_back(Knobs::canonical(bits & ~(rest & -rest)));
  return rc::seq::fromContainer(std::move(out));
}

}  // namespace

// One drawn number per case, not a generator call per knob: RapidCheck's per-call cost was a
// noticeable share of a case.
rc::Gen<Swarm> gen_swarm(const std::set<std::string>& caps) {
  // Shared: RapidCheck copies a generator's function with every value it makes.
  auto knobs = std::make_shared<const Knobs>(caps);
  return rc::Gen<Swarm>([knobs](const rc::Random& random, int) {
    rc::Random r = random;
    return rc::shrinkable::map(rc::shrinkable::shrinkRecur(Knobs::canonical(r.next() & knobs->mask()), &fewer_knobs),
                               [knobs](std::uint64_t bits) { return knobs->swarm(bits); });
  });
}

}  // namespace wnc
