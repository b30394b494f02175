// The corpus as a whole: it loads, the model passes it, and it covers what the spec demands.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <set>

#include "model_sut.h"
#include "requirements.h"
#include "run/runner.h"
#include "scenario/scenario_loader.h"

namespace wnc {
namespace {

const std::vector<Scenario>& corpus() {
  static const std::vector<Scenario> all = load_scenarios({WNETCONF_SCENARIOS});
  return all;
}

TEST(Corpus, EveryFileIsNamedForItsId) {
  ASSERT_FALSE(corpus().empty());
  for (const auto& sc : corpus()) EXPECT_EQ(std::filesystem::path(sc.file).stem().string(), sc.id);
}

TEST(Corpus, TheModelPassesEveryScenario) {
  auto sut = make_model_sut();
  RunReport r = run_scenarios(*sut, corpus(), nullptr);
  for (const auto& o : r.outcomes) EXPECT_EQ(o.status, Status::Passed) << o.scenario->id;
}

TEST(Corpus, EveryRequirementIsCoveredBySomeScenario) {
  std::set<std::string> covered;
  for (const auto& sc : corpus()) covered.insert(sc.covers.begin(), sc.covers.end());
  for (const auto& r : requirements()) EXPECT_TRUE(covered.count(std::string(r.id))) << r.id << " has no scenario";
}

TEST(Corpus, EverySeedCodeComesFromBothTheAnsiAndTheUnicodeCancel) {
  std::map<Api, std::set<Code>> seen;
  for (const auto& sc : corpus())
    for (const auto& st : sc.steps)
      if (const auto* c = std::get_if<CancelStep>(&st.step)) seen[c->api].insert(st.expect.rc);
  for (Code c : seed_cancel_codes()) {
    EXPECT_TRUE(seen[Api::W].count(c)) << describe_code(c) << " never expected of WNetCancelConnectionW";
    EXPECT_TRUE(seen[Api::A].count(c)) << describe_code(c) << " never expected of WNetCancelConnectionA";
  }
}

TEST(Corpus, ExtendedErrorsAreFollowedByTheirDescription) {
  bool checked = false;
  for (const auto& sc : corpus())
    for (const auto& st : sc.steps)
      if (std::holds_alternative<LastErrorStep>(st.step) && st.expect.code && *st.expect.code != 0 &&
          st.expect.text && st.expect.provider)
        checked = true;
  EXPECT_TRUE(checked) << "no scenario checks WNetGetLastError's code, text and provider";
}

}  // namespace
}  // namespace wnc
