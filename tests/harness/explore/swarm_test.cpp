// The swarm generator: one draw per case decides every knob, the capabilities bound what it
// may turn on, and a swarm shrinks a knob at a time toward off.
#include "explore/swarm.h"

#include <gtest/gtest.h>
#include <rapidcheck/Random.h>

#include "vocabulary/capabilities.h"
#include "vocabulary/step.h"

namespace wnc {
namespace {

std::set<std::string> every_capability() {
  std::set<std::string> caps(step_kinds().begin(), step_kinds().end());
  for_each_step_type([&]<class T>(std::type_identity<T>) {
    if (T::traits.feature) caps.insert(T::traits.feature);
  });
  caps.insert({capability::kLogonMultiple, capability::kProfileNtLinked, capability::kLogonSystem});
  return caps;
}

// What a swarm turns on: its logons, a second session, its kinds, fault and name knobs. Alice,
// cancel and add are always there.
int knobs_on(const Swarm& s) {
  return static_cast<int>(s.setup.logons.size() + s.kinds.size()) + s.provider_faults + s.profile_faults +
         s.nasty_names + s.as_system + (s.setup.logons.count("alice2") && s.setup.logons.at("alice2").session == 2);
}

TEST(Swarm, OffersOnlyWhatTheCapabilitiesClaim) {
  const std::set<std::string> caps = {CancelStep::traits.kind, AddStep::traits.kind, DrivesStep::traits.kind};
  for (std::uint64_t seed = 0; seed < 200; ++seed) {
    const Swarm s = gen_swarm(caps)(rc::Random(seed), 10).value();
    EXPECT_EQ(s.setup.logons.size(), 1u) << "no second logon without " << capability::kLogonMultiple;
    EXPECT_FALSE(s.provider_faults || s.profile_faults || s.as_system);
    for (const auto& k : s.kinds) EXPECT_TRUE(caps.count(k)) << k;
    EXPECT_TRUE(s.kinds.count(CancelStep::traits.kind) && s.kinds.count(AddStep::traits.kind));
  }
}

TEST(Swarm, EveryKnobComesUpBothWays) {
  const auto caps = every_capability();
  int linked = 0, bob = 0, second_session = 0, faults = 0, nasty = 0, system = 0;
  std::map<std::string, int> kinds;
  const int cases = 400;
  for (std::uint64_t seed = 0; seed < cases; ++seed) {
    const Swarm s = gen_swarm(caps)(rc::Random(seed), 10).value();
    linked += s.setup.profile == BehaviourProfile::NtLinked;
    bob += s.setup.logons.count("bob") > 0;
    second_session += s.setup.logons.count("alice2") && s.setup.logons.at("alice2").session == 2;
    faults += s.provider_faults;
    nasty += s.nasty_names;
    system += s.as_system;
    for (const auto& k : s.kinds) ++kinds[k];
  }
  for (int n : {linked, bob, faults, nasty, system}) {
    EXPECT_GT(n, cases / 4);
    EXPECT_LT(n, 3 * cases / 4);
  }
  EXPECT_GT(second_session, cases / 8);
  EXPECT_EQ(kinds[CancelStep::traits.kind], cases);
  EXPECT_GT(kinds[DrivesStep::traits.kind], cases / 4);
  EXPECT_LT(kinds[DrivesStep::traits.kind], 3 * cases / 4);
}

TEST(Swarm, ShrinksOneKnobAtATimeTowardOff) {
  const auto caps = every_capability();
  const rc::Shrinkable<Swarm> drawn = gen_swarm(caps)(rc::Random(7), 10);
  const int on = knobs_on(drawn.value());
  ASSERT_GT(on, 6) << "a seed with several knobs on";
  int shrinks = 0;
  for (auto seq = drawn.shrinks(); auto next = seq.next(); ++shrinks) {
    const int fewer = knobs_on(next->value());
    // One knob off; the second alice takes her session knob with her.
    EXPECT_GE(fewer, on - 2);
    EXPECT_LT(fewer, on) << "a shrink that changes nothing";
  }
  EXPECT_EQ(shrinks, on - 3) << "one shrink per knob that is on";
}

}  // namespace
}  // namespace wnc
