// verify --rerun's comparison and verify --diff's requirement changes.
#include "certify/results_compare.h"
#include "certify/results_reader.h"
#include "certify_fixture.h"

namespace wnc::test {
namespace {

bool mentions(const std::vector<std::string>& lines, const std::string& what) {
  return std::any_of(lines.begin(), lines.end(), [&](const std::string& l) { return l.find(what) != std::string::npos; });
}

TEST_F(CertifyTest, ARerunOfTheSameImplementationMatches) {
  TestSut first, again;
  certify(dir("b"), first, settings(), true);
  const Certification c = certify(dir("rerun"), again, settings(), true);
  EXPECT_TRUE(compare_results(results(dir("b")), results(dir("rerun"))).empty());
}

TEST_F(CertifyTest, ARerunNamesEachScenarioAndStepThatChanged) {
  TestSut good, broken;
  broken.break_cancel = true;
  certify(dir("b"), good, settings());
  certify(dir("rerun"), broken, settings());
  const auto diffs = compare_results(results(dir("b")), results(dir("rerun")));
  EXPECT_TRUE(mentions(diffs, "scenario certify.no-error: recorded passed, re-run failed")) << diffs.front();
  EXPECT_TRUE(mentions(diffs, "scenario certify.no-error step 2: recorded NO_ERROR (0), re-run ERROR_DEVICE_IN_USE (2404)"));
  EXPECT_TRUE(mentions(diffs, "verdict: recorded conformant, re-run not conformant"));
  EXPECT_FALSE(mentions(diffs, "certify.not-connected"));  // it did not change
}

TEST_F(CertifyTest, ARerunNamesChangedExplorationBlocks) {
  TestSut sut;
  certify(dir("b"), sut, settings());
  certify(dir("rerun"), sut, settings(), false, FakeExplorer{42});
  EXPECT_TRUE(mentions(compare_results(results(dir("b")), results(dir("rerun"))), "exploration block 0: recorded passed"));
}

TEST_F(CertifyTest, DiffListsRequirementsWhoseVerdictChanged) {
  TestSut good, broken, unsupported;
  broken.break_cancel = true;
  unsupported.drop = {"print"};
  certify(dir("old"), good, settings());
  certify(dir("new"), broken, settings(), true);
  const auto changes = requirement_changes(results(dir("old")), results(dir("new")));
  auto find = [&](const std::string& id) {
    return std::find_if(changes.begin(), changes.end(), [&](const RequirementChange& c) { return c.id == id; });
  };
  ASSERT_NE(find("R-RC-NO-ERROR"), changes.end());
  EXPECT_EQ(find("R-RC-NO-ERROR")->before, "met");
  EXPECT_EQ(find("R-RC-NO-ERROR")->after, "known divergence");
  EXPECT_EQ(find("R-FORCE-FALSE")->after, "not met");
  // Its cancel that should give 2401 still does: the diverging cancel expects 0, not about it.
  EXPECT_EQ(find("R-RC-OPEN-FILES"), changes.end());
  EXPECT_EQ(find("R-RC-NOT-CONNECTED")->after, "not met");  // an unexpected pass
  EXPECT_EQ(find("R-LINKED"), changes.end());                // not tested either time
  EXPECT_TRUE(requirement_changes(results(dir("old")), results(dir("old"))).empty());
  const auto scenarios = scenario_changes(results(dir("old")), results(dir("new")));
  EXPECT_TRUE(mentions(scenarios, "scenario certify.open-files: old passed, new failed"));
  EXPECT_TRUE(mentions(scenarios, "scenario certify.open-files step 5: old NO_ERROR (0), new ERROR_DEVICE_IN_USE (2404) (diverged)"));
  EXPECT_FALSE(mentions(scenarios, "certify.open-files step 3"));  // the same answer both times
  EXPECT_TRUE(scenario_changes(results(dir("old")), results(dir("old"))).empty());
}

// A bundle's results.json is someone else's file: the wrong shape is bad input, not exit 4.
TEST(ResultsReaders, AResultsDocumentOfTheWrongShapeIsAnInputError) {
  const nlohmann::json good = nlohmann::json::parse(R"({"scenarios":[],"exploration":{"blocks":[]},"requirements":[]})");
  for (const char* text : {"{}", "[]", R"({"vendor":1})", R"({"scenarios":{"a":1},"exploration":{"blocks":7}})",
                           R"({"requirements":[{"id":3}]})"}) {
    SCOPED_TRACE(text);
    const auto bad = nlohmann::json::parse(text);
    EXPECT_THROW(settings_from_results(bad), InputError);
    EXPECT_THROW(certification_from_results({bad}, nullptr, std::nullopt, Hello{}), InputError);
    EXPECT_THROW(compare_results(good, bad), InputError);
    EXPECT_THROW(requirement_changes(good, bad), InputError);
    EXPECT_THROW(scenario_changes(good, bad), InputError);
  }
}

}  // namespace
}  // namespace wnc::test
