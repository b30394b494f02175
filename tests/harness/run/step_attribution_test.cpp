#include "run/step_attribution.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "requirements.h"
#include "run/verdicts.h"
#include "scenario/scenario_loader.h"

namespace wnc {
namespace {

using namespace code;

TEST(StepAttribution, EveryKindEndsWithARuleForEveryOtherAnswer) {
  for (const auto& kind : step_kinds()) {
    const auto& rules = decider_rules();
    const auto last = std::find_if(rules.rbegin(), rules.rend(), [&](const DeciderRule& r) { return r.kind == kind; });
    ASSERT_NE(last, rules.rend()) << kind << " has no rule";
    EXPECT_TRUE(last->codes.empty()) << kind << "'s last rule takes only some answers";
  }
  for (const auto& rule : decider_rules())
    EXPECT_NE(std::find(step_kinds().begin(), step_kinds().end(), std::string(rule.kind)), step_kinds().end()) << rule.kind;
}

TEST(StepAttribution, EveryRequirementIsAboutSomeStepsAndNoOtherIsNamed) {
  std::set<std::string_view> named;
  for (const auto& rule : about_rules()) {
    EXPECT_NE(find_requirement(rule.requirement), nullptr) << rule.requirement;
    named.insert(rule.requirement);
    for (const auto& kind : rule.kinds)
      EXPECT_NE(std::find(step_kinds().begin(), step_kinds().end(), std::string(kind)), step_kinds().end()) << kind;
  }
  for (const auto& req : requirements()) EXPECT_TRUE(named.count(req.id)) << req.id << " is about no step";
}

// The table against the corpus: a scenario that covers a requirement has a step about it.
TEST(StepAttribution, EveryScenarioHasAStepAboutEachRequirementItCovers) {
  for (const auto& sc : load_scenarios({WNETCONF_SCENARIOS}))
    for (const auto& id : sc.covers)
      EXPECT_TRUE(std::any_of(sc.steps.begin(), sc.steps.end(), [&](const ScenarioStep& st) {
        return !requirements_about(st.step, st.expect.rc, std::nullopt, {id}).empty();
      })) << sc.id << " covers " << id << " in no step";
}

TEST(StepAttribution, AnAnswerThePlatformShouldHaveGivenIsThePlatforms) {
  const Step add = AddStep{.as = "alice", .local = "Z:", .remote = R"(\\fs1\docs)"};
  Result bad_net;
  bad_net.rc = kBadNetName;
  EXPECT_EQ(decided_by(add, kBadNetName, bad_net).layer, Layer::Provider);   // the share's absence: the network's fact
  EXPECT_EQ(decided_by(add, kCannotOpenProfile, bad_net).layer, Layer::Platform);  // the profile check skipped
  Result orphaned;
  orphaned.rc = kUnexpNetErr;
  EXPECT_EQ(decided_by(IoStep{"h1"}, kUnexpNetErr, orphaned).layer, Layer::Agent);
  EXPECT_EQ(decided_by(IoStep{"h1"}, kNoError, std::nullopt).layer, Layer::FileSystem);
  const Decider open_files = decided_by(CancelStep{.as = "alice", .name = "Z:"}, kOpenFiles, orphaned);
  EXPECT_EQ(open_files.layer, Layer::Platform);
  EXPECT_FALSE(decider_of(CancelStep{.as = "alice", .name = "Z:"}, kOpenFiles).rests_on.empty());
}

TEST(StepAttribution, ACodeRequirementIsAboutCancelsExpectingOrGettingItsCode) {
  const std::vector<std::string> covers = {"R-RC-OPEN-FILES", "R-RC-DEVICE-IN-USE", "R-FORCE-FALSE", "R-FORCE-TRUE", "R-ATOMIC"};
  Result in_use;
  in_use.rc = kDeviceInUse;
  const Step cancel = CancelStep{.as = "alice", .name = "Z:"};
  EXPECT_EQ(requirements_about(cancel, kOpenFiles, std::nullopt, covers),
            (std::vector<std::string>{"R-RC-OPEN-FILES", "R-FORCE-FALSE", "R-ATOMIC"}));
  // A code requirement is about the code got too; what a cancel should do, only about the code expected.
  EXPECT_EQ(requirements_about(cancel, kNoError, in_use, covers),
            (std::vector<std::string>{"R-RC-DEVICE-IN-USE", "R-FORCE-FALSE"}));
  EXPECT_EQ(requirements_about(CancelStep{.as = "alice", .name = "Z:", .force = true}, kNoError, std::nullopt, covers),
            (std::vector<std::string>{"R-FORCE-TRUE"}));
  EXPECT_TRUE(requirements_about(cancel, kNoError, std::nullopt, {"R-ANSI-UNICODE"}).empty());  // the W form
  EXPECT_EQ(requirements_about(CancelStep{.as = "alice", .name = "Z:", .api = Api::A2}, kNoError, std::nullopt,
                               {"R-ANSI-UNICODE"}).size(), 1u);
  EXPECT_TRUE(requirements_about(QueryDosDeviceStep{.as = "alice", .name = "Z:"}, kNoError, in_use, covers).empty());
}

// The case Wine showed: a lookup that diverges does not make the cancels' 2401 a known divergence.
TEST(StepAttribution, AVerdictCountsOnlyTheStepsAboutItThatThePlatformDecided) {
  Scenario sc;
  sc.id = "open-files";
  sc.covers = {"R-RC-OPEN-FILES", "R-LUID-NAMESPACE"};
  auto at = [](Step step, Code rc) {
    ScenarioStep st;
    st.step = std::move(step);
    st.expect.rc = rc;
    return st;
  };
  sc.steps = {at(AddStep{.as = "alice", .local = "Z:", .remote = R"(\\fs1\docs)"}, kNoError),
              at(CancelStep{.as = "alice", .name = "Z:"}, kOpenFiles),
              at(QueryDosDeviceStep{.as = "alice", .name = "Z:"}, kNoError),
              at(AddStep{.as = "alice", .local = "Y:", .remote = R"(\\fs1\nothing)"}, kNoError)};
  ScenarioOutcome o;
  o.scenario = &sc;
  o.status = Status::KnownDivergence;
  Result ok{}, open_files{}, not_found{}, bad_net{};
  open_files.rc = kOpenFiles;
  not_found.rc = kPathNotFound;
  bad_net.rc = kBadNetName;
  o.steps = {{0, ok, {}, "", ""}, {1, open_files, {}, "", ""}, {2, not_found, {"rc"}, "", ""}, {3, bad_net, {"rc"}, "", ""}};
  RunReport r;
  r.outcomes.push_back(o);
  const auto statuses = requirement_statuses(r);
  auto of = [&](const std::string& id) {
    return *std::find_if(statuses.begin(), statuses.end(), [&](const RequirementStatus& s) { return s.id == id; });
  };
  const RequirementStatus open = of("R-RC-OPEN-FILES");
  EXPECT_STREQ(open.verdict(), "met");
  EXPECT_EQ(open.counted_steps, 1u);
  ASSERT_EQ(open.set_aside.size(), 2u);
  EXPECT_EQ(open.set_aside[0].why, "this query_dos_device is not about it");
  const RequirementStatus luid = of("R-LUID-NAMESPACE");  // the lookup is about it; the share's absence is not the platform's
  EXPECT_STREQ(luid.verdict(), "known divergence");
  EXPECT_EQ(luid.diverging.size(), 1u);
  ASSERT_EQ(luid.set_aside.size(), 1u);
  EXPECT_EQ(luid.set_aside[0].why, "decided by the provider");
  EXPECT_STREQ(of("R-ATOMIC").verdict(), "not tested");
}

}  // namespace
}  // namespace wnc
