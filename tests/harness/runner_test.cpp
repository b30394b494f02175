// The runner's judgement: passes, failures, unsupported scenarios, dead agents, ledgers.
#include <gtest/gtest.h>

#include "vocabulary/capabilities.h"
#include "model_sut.h"
#include "run/runner.h"
#include "scenario/scenario_loader.h"
#include "vocabulary/input_error.h"

namespace wnc {
namespace {

// Answers every step with a fixed rc, or dies on step `die_at`.
class ScriptedSut : public Sut {
 public:
  std::set<std::string> caps = capability::all();
  Code answer = code::kNoError;
  int die_at = -1;
  std::optional<std::string> unsupported;
  int resets = 0, steps = 0;

  Hello hello() override { return {"scripted", "1", "test", caps, {}}; }
  void reset(const Setup&) override { ++resets; }
  Result step(const Step&) override {
    if (steps++ == die_at) throw SutFailure("agent exited with signal 6", "stderr: boom");
    Result r;
    r.rc = answer;
    r.unsupported = unsupported;
    return r;
  }
};

Scenario scenario(const std::string& id, const std::string& steps, const std::string& covers = "R-RC-NO-ERROR") {
  return parse_scenario("id: " + id + "\ntitle: t\ncovers: [" + covers +
                            "]\nlogons: {alice: {user: alice}}\nsteps:\n" + steps,
                        id + ".yaml");
}

const std::string kOneCancel = "  - cancel: {as: alice, name: 'Z:'}\n    expect: ERROR_NOT_CONNECTED\n";
const std::string kTwoCancels =
    "  - cancel: {as: alice, name: 'Z:'}\n    expect: ERROR_NOT_CONNECTED\n"
    "  - cancel: {as: alice, name: 'Z:', api: A}\n    expect: ERROR_NOT_CONNECTED\n";

TEST(Runner, PassesWhenEveryStepMeetsItsExpectation) {
  ScriptedSut sut;
  sut.answer = code::kNotConnected;
  auto sc = scenario("a", kTwoCancels);
  auto o = run_scenario(sut, sut.hello(), sc);
  EXPECT_EQ(o.status, Status::Passed);
  EXPECT_EQ(o.steps.size(), 2u);
  EXPECT_EQ(sut.resets, 1);
}

TEST(Runner, RecordsEveryFailingStepAndTheFirstDivergence) {
  ScriptedSut sut;
  sut.answer = code::kNoError;
  auto sc = scenario("a", kTwoCancels);
  auto o = run_scenario(sut, sut.hello(), sc);
  EXPECT_EQ(o.status, Status::Failed);
  ASSERT_EQ(o.first_divergence, 0u);
  EXPECT_EQ(o.steps[1].mismatches.size(), 1u);
  EXPECT_EQ(o.steps[0].mismatches[0], "rc: expected ERROR_NOT_CONNECTED (2250), got NO_ERROR (0)");
}

TEST(Runner, AMissingCapabilityIsNotSupportedNeverPassed) {
  ScriptedSut sut;
  sut.answer = code::kNotConnected;
  sut.caps.erase("api.A");
  auto o = run_scenario(sut, sut.hello(), scenario("a", kTwoCancels));
  EXPECT_EQ(o.status, Status::NotSupported);
  EXPECT_NE(o.note.find("api.A"), std::string::npos);
  EXPECT_EQ(sut.resets, 0) << "nothing ran";
}

TEST(Runner, AStepTheAgentCannotPerformIsNotSupported) {
  ScriptedSut sut;
  sut.unsupported = "no such API here";
  auto o = run_scenario(sut, sut.hello(), scenario("a", kTwoCancels));
  EXPECT_EQ(o.status, Status::NotSupported);
  EXPECT_NE(o.note.find("no such API here"), std::string::npos);
}

TEST(Runner, ADeadAgentFailsTheStepWithItsOutputAndTheRunGoesOn) {
  ScriptedSut sut;
  sut.answer = code::kNotConnected;
  sut.die_at = 0;
  std::vector<Scenario> scs = {scenario("a", kTwoCancels), scenario("b", kTwoCancels)};
  RunReport r = run_scenarios(sut, scs, nullptr);
  ASSERT_EQ(r.outcomes.size(), 2u);
  EXPECT_EQ(r.outcomes[0].status, Status::Failed);
  EXPECT_EQ(r.outcomes[0].steps.size(), 1u) << "the scenario stops at the dead agent";
  EXPECT_EQ(r.outcomes[0].steps[0].failure, "stderr: boom");
  EXPECT_EQ(r.outcomes[1].status, Status::Passed);
  EXPECT_FALSE(r.conformant());
}

TEST(Runner, TheModelPassesAScenarioWrittenFromTheSpec) {
  auto sut = make_model_sut();
  auto sc = scenario("m",
                     "  - add: {as: alice, local: 'Z:', remote: '\\\\fs1\\docs'}\n"
                     "  - open: {as: alice, path: 'Z:\\a.txt', handle: h}\n"
                     "  - cancel: {as: alice, name: 'Z:'}\n    expect: ERROR_OPEN_FILES\n");
  EXPECT_EQ(run_scenario(*sut, sut->hello(), sc).status, Status::Passed);
}

Ledger ledger_of(std::vector<Divergence> d) { return Ledger{"v", "v.yaml", std::move(d)}; }

TEST(Ledger, AListedDivergenceIsKnownNotPassing) {
  ScriptedSut sut;
  sut.answer = code::kNoError;
  Ledger l = ledger_of({{"a", "", std::nullopt, code::kNoError, "vendor ignores it", 3},
                        {"a", "", 2, code::kNoError, "and the A form too", 4}});
  std::vector<Scenario> scs = {scenario("a", kTwoCancels)};
  RunReport r = run_scenarios(sut, scs, &l);
  EXPECT_EQ(r.outcomes[0].status, Status::KnownDivergence);
  EXPECT_EQ(r.outcomes[0].note, "vendor ignores it");
  EXPECT_TRUE(r.conformant());
}

// A known scenario cannot hide a divergence at a later step the ledger does not list; the
// failure names the entries it nearly matched.
TEST(Ledger, ALaterUnlistedDivergenceFailsAndNamesTheNearEntries) {
  ScriptedSut sut;
  sut.answer = code::kNoError;
  Ledger l = ledger_of({{"a", "", 1, code::kNoError, "vendor ignores it", 3}});
  std::vector<Scenario> scs = {scenario("a", kTwoCancels)};
  RunReport r = run_scenarios(sut, scs, &l);
  EXPECT_EQ(r.outcomes[0].status, Status::Failed);
  EXPECT_EQ(r.outcomes[0].note,
            "step 2 diverges with NO_ERROR (0), which the ledger does not list; the ledger's entries for this "
            "scenario: v.yaml:3 (scenario a, step 1, NO_ERROR (0))");
  EXPECT_FALSE(r.conformant());
}

TEST(Ledger, AnEntryForAStepThatNoLongerDivergesIsStale) {
  ScriptedSut sut;
  sut.answer = code::kNoError;
  Ledger l = ledger_of({{"a", "", std::nullopt, code::kNoError, "r", 3}, {"a", "", 7, code::kNoError, "r", 4}});
  std::vector<Scenario> scs = {scenario("a", kOneCancel)};
  RunReport r = run_scenarios(sut, scs, &l);
  EXPECT_EQ(r.outcomes[0].status, Status::KnownDivergence);
  ASSERT_EQ(r.stale_ledger_entries.size(), 1u);
  EXPECT_EQ(r.stale_ledger_entries[0], "v.yaml:4: scenario a, step 7, NO_ERROR (0): no longer diverges so");
  EXPECT_FALSE(r.conformant());
}

TEST(Ledger, AnEntryNamingAScenarioTheRunDoesNotKnowIsBadInput) {
  Ledger l = ledger_of({{"a", "", std::nullopt, code::kNoError, "r", 3}, {"a.typo", "", 1, code::kNoError, "r", 9}});
  const std::vector<Scenario> scs = {scenario("a", kOneCancel)};
  try {
    check_ledger_scenarios(l, scs);
    FAIL() << "accepted";
  } catch (const InputError& e) {
    EXPECT_EQ(std::string(e.what()), "v.yaml:9: the ledger names scenario 'a.typo', which is not among the 1 scenario of this run");
  }
  l.divergences.pop_back();
  EXPECT_NO_THROW(check_ledger_scenarios(l, scs));
}

TEST(Ledger, ADivergenceWithAnotherCodeStillFails) {
  ScriptedSut sut;
  sut.answer = code::kOpenFiles;
  Ledger l = ledger_of({{"a", "", std::nullopt, code::kNoError, "r", 3}});
  std::vector<Scenario> scs = {scenario("a", kTwoCancels)};
  EXPECT_EQ(run_scenarios(sut, scs, &l).outcomes[0].status, Status::Failed);
}

TEST(Ledger, AnEntryThatNoLongerDivergesIsAnUnexpectedPass) {
  ScriptedSut sut;
  sut.answer = code::kNotConnected;
  Ledger l = ledger_of({{"a", "", std::nullopt, code::kNoError, "r", 3},
                        {"", "R-RC-NO-ERROR", std::nullopt, code::kNoError, "r", 7}});
  std::vector<Scenario> scs = {scenario("a", kTwoCancels)};
  RunReport r = run_scenarios(sut, scs, &l);
  EXPECT_EQ(r.outcomes[0].status, Status::UnexpectedPass);
  ASSERT_EQ(r.stale_ledger_entries.size(), 1u);
  EXPECT_NE(r.stale_ledger_entries[0].find("v.yaml:7"), std::string::npos);
  EXPECT_FALSE(r.conformant());
}

TEST(Ledger, ACrashCanBeAKnownDivergence) {
  ScriptedSut sut;
  sut.die_at = 0;
  Ledger l = ledger_of({{"a", "", 1, 0, "mpr dies on this", 4, true}});
  std::vector<Scenario> scs = {scenario("a", kTwoCancels)};
  RunReport r = run_scenarios(sut, scs, &l);
  EXPECT_EQ(r.outcomes[0].status, Status::KnownDivergence);
  sut.die_at = -1;
  sut.answer = code::kNoError;
  r = run_scenarios(sut, scs, &l);
  EXPECT_EQ(r.outcomes[0].status, Status::Failed) << "a wrong code is not the crash the ledger lists";
}

TEST(Ledger, ARequirementEntryCoversEveryScenarioCitingIt) {
  ScriptedSut sut;
  sut.answer = code::kNoError;
  Ledger l = ledger_of({{"", "R-NAME-CASE", std::nullopt, code::kNoError, "case-sensitive", 1}});
  std::vector<Scenario> scs = {scenario("a", kOneCancel, "R-NAME-CASE"), scenario("b", kOneCancel)};
  RunReport r = run_scenarios(sut, scs, &l);
  EXPECT_EQ(r.outcomes[0].status, Status::KnownDivergence);
  EXPECT_EQ(r.outcomes[1].status, Status::Failed);
}

}  // namespace
}  // namespace wnc
