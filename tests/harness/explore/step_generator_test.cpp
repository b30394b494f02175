// The explorer's generator: what it produces is valid input everywhere (the loader's rules,
// the model's), it offers only what the implementation's hello claims, and every step kind
// the swarm enables does come up.
#include "explore/step_generator.h"

#include <gtest/gtest.h>
#include <rapidcheck/Random.h>

#include <set>

#include "run/describe.h"
#include "scenario/scenario_loader.h"
#include "scenario/scenario_writer.h"
#include "vocabulary/capabilities.h"

namespace wnc {
namespace {

template <class T>
T sample(const rc::Gen<T>& gen, std::uint64_t seed, int size = 40) {
  return gen(rc::Random(seed), size).value();
}

struct Walk {
  std::set<std::string> kinds;  // of the steps generated and accepted
  std::set<size_t> types;       // variant indexes of the same
  std::vector<std::string> outside;  // generated steps the model does not decide, and why
  int unc_paths = 0;            // opens and chdirs through a held deviceless connection
};

bool through_unc(const Step& step) {
  if (const auto* open = std::get_if<OpenStep>(&step)) return open->path.rfind(R"(\\)", 0) == 0;
  if (const auto* chdir = std::get_if<ChdirStep>(&step)) return chdir->path.rfind(R"(\\)", 0) == 0;
  return false;
}

// `cases` generated sequences of up to `length` accepted steps, each applied to the model and
// saved and loaded as a scenario, as the explorer does with a failing case.
Walk walk(const std::set<std::string>& capabilities, int cases, int length) {
  Walk w;
  for (int c = 0; c < cases; ++c) {
    const auto swarm = std::make_shared<const Swarm>(sample(gen_swarm(capabilities), 1000 + c));
    ExploreState state(swarm->setup);
    Scenario sc;
    sc.id = "generated.case-" + std::to_string(c);
    sc.title = "generated";
    sc.covers = {"R-ATOMIC"};
    sc.setup = swarm->setup;
    for (int i = 0, tries = 0; i < length && tries < 10 * length; ++tries) {
      rc::Random random((static_cast<std::uint64_t>(c) << 20) + tries);
      const Step step = StepDecoder(*swarm).decode(state, random.next()).step;
      if (auto why = model::outside_domain(state.world, step)) w.outside.push_back(describe_step(step) + ": " + *why);
      if (!state.accepts(step)) continue;
      w.unc_paths += through_unc(step);
      EXPECT_NO_THROW(state.apply(step)) << describe_step(step);
      w.kinds.insert(step_kind(step));
      w.types.insert(step.index());
      sc.steps.push_back({step, {}, {}});
      ++i;
    }
    if (sc.steps.empty()) continue;
    try {
      parse_scenario(scenario_to_yaml(sc), sc.id + ".yaml");
    } catch (const ScenarioError& e) {
      ADD_FAILURE() << "a generated sequence does not load as a scenario: " << e.what();
    }
  }
  return w;
}

TEST(StepGenerator, EveryStepTypeComesUpAndEverySequenceIsValidInput) {
  const Walk w = walk(capability::all(), 120, 30);
  size_t types = 0;
  for_each_step_type([&]<class T>(std::type_identity<T>) { ++types; });
  EXPECT_EQ(w.types.size(), types) << "a step type of the registry is never generated";
}

// An implicit connection (a UNC open or chdir with no deviceless connection held) is outside
// the model: never generated, though UNC paths through held connections are.
TEST(StepGenerator, StaysInsideTheModelsDomain) {
  const Walk w = walk(capability::all(), 400, 30);
  EXPECT_TRUE(w.outside.empty()) << w.outside.size() << " generated steps outside the model, the first: " << w.outside.front();
  EXPECT_GT(w.unc_paths, 0) << "no UNC path through a held deviceless connection was generated";
}

// Shrinking re-checks every step: dropping the add a UNC open relied on makes the open refused.
TEST(ExploreState, RefusesAnImplicitConnection) {
  wnc::Setup setup;
  setup.logons["alice"] = {"alice", 1, std::nullopt};
  ExploreState state(setup);
  const Step open = OpenStep{"alice", R"(\\fs1\docs\a.txt)", "h1", HandleKind::File};
  EXPECT_FALSE(state.accepts(open));
  EXPECT_FALSE(state.accepts(ChdirStep{"alice", R"(\\fs1\docs\d)"}));
  AddStep add;
  add.as = "alice";
  add.remote = R"(\\fs1\docs)";
  state.apply(add);
  EXPECT_TRUE(state.accepts(open));
  EXPECT_FALSE(state.accepts(OpenStep{"alice", R"(\\fs2\home\a.txt)", "h1", HandleKind::File}));
}

TEST(StepGenerator, OffersOnlyWhatTheHelloClaims) {
  // What the Windows agent claims under Wine: no logons, no print, no provider faults.
  std::set<std::string> caps(step_kinds().begin(), step_kinds().end());
  for (const char* k : {"logon", "logoff", "job", "end_job"}) caps.erase(k);
  caps.insert({capability::kFaultProfile, capability::kApiAnsi, capability::kNameNull});
  const Walk w = walk(caps, 120, 30);
  for (const char* k : {"logon", "logoff", "job", "end_job"}) EXPECT_FALSE(w.kinds.count(k)) << k;
  EXPECT_TRUE(w.kinds.count("fault"));
  EXPECT_FALSE(w.types.count(Step(ProviderFaultStep{}).index())) << "a provider fault without fault.provider";
  EXPECT_TRUE(w.types.count(Step(ProfileFaultStep{}).index()));
}

}  // namespace
}  // namespace wnc
