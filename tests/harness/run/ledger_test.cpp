// Ledgers are read like scenarios: every error names the ledger file and the position.
#include "run/ledger.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "scenario/scenario_error.h"

namespace wnc {
namespace {

namespace fs = std::filesystem;

class LedgerFile : public ::testing::Test {
 protected:
  void SetUp() override {
    file_ = fs::temp_directory_path() / ("wnetconf-ledger-" + std::to_string(::getpid()) + ".yaml");
  }
  void TearDown() override { fs::remove(file_); }
  Ledger load(const std::string& text) {
    std::ofstream(file_) << text;
    return load_ledger(file_);
  }
  // "line:column: message" of the error loading `text`.
  std::string refusal(const std::string& text) {
    try {
      load(text);
    } catch (const ScenarioError& e) {
      EXPECT_EQ(e.file(), file_.string());
      return std::to_string(e.line()) + ":" + std::to_string(e.column()) + ": " + e.message();
    }
    return "accepted";
  }
  fs::path file_;
};

TEST_F(LedgerFile, ReadsEveryField) {
  Ledger l = load(
      "vendor: V 1.0\n"
      "divergences:\n"
      "  - {scenario: a.b, step: 3, observed: ERROR_OPEN_FILES, reason: why}\n"
      "  - requirement: R-NAME-CASE\n"
      "    observed: 1208\n"
      "    reason: >-\n"
      "      folded\n"
      "  - {scenario: c, observed: crash, reason: dies}\n");
  EXPECT_EQ(l.vendor, "V 1.0");
  EXPECT_EQ(l.file, file_.string());
  ASSERT_EQ(l.divergences.size(), 3u);
  EXPECT_EQ(l.divergences[0].scenario, "a.b");
  EXPECT_EQ(l.divergences[0].step, 3);
  EXPECT_EQ(l.divergences[0].observed, code::kOpenFiles);
  EXPECT_EQ(l.divergences[0].line, 3);
  EXPECT_EQ(l.divergences[1].requirement, "R-NAME-CASE");
  EXPECT_EQ(l.divergences[1].observed, code::kExtendedError);
  EXPECT_EQ(l.divergences[1].reason, "folded");
  EXPECT_EQ(l.divergences[1].line, 4);
  EXPECT_FALSE(l.divergences[1].step.has_value());
  EXPECT_TRUE(l.divergences[2].crash);
}

TEST_F(LedgerFile, RefusesBadInputWithItsPosition) {
  const std::string head = "vendor: V\ndivergences:\n";
  EXPECT_EQ(refusal(head + "  - {scenario: a, step: x, observed: 0, reason: r}\n"),
            "3:25: expected a step number (1 for the first step)");
  EXPECT_EQ(refusal(head + "  - {scenario: a, step: 0, observed: 0, reason: r}\n"),
            "3:25: expected a step number (1 for the first step)");
  EXPECT_EQ(refusal(head + "  - {scenario: a, observed: ERROR_NOPE, reason: r}\n"),
            "3:29: unknown code 'ERROR_NOPE' (expected a number or a name such as ERROR_NOT_CONNECTED)");
  EXPECT_EQ(refusal(head + "  - {scenario: a, observed: 0, reason: r, extra: 1}\n"),
            "3:43: unknown key 'extra' (expected scenario, requirement, signature, step, observed, expected, reason, cause)");
  EXPECT_EQ(refusal(head + "  - {scenario: a, requirement: R-ATOMIC, observed: 0, reason: r}\n"),
            "3:5: a divergence names exactly one of scenario, requirement, signature");
  EXPECT_EQ(refusal(head + "  - {signature: 'add: crash', requirement: R-ATOMIC, reason: r}\n"),
            "3:5: a divergence names exactly one of scenario, requirement, signature");
  EXPECT_EQ(refusal(head + "  - {signature: 'add: crash', observed: 0, reason: r}\n"),
            "3:31: a signature entry has no 'observed': the signature says it");
  EXPECT_EQ(refusal(head + "  - {scenario: a, observed: 0, expected: 0, reason: r}\n"),
            "3:32: only a requirement entry names the expected code");
  EXPECT_EQ(refusal(head + "  - {requirement: R-NOPE, observed: 0, reason: r}\n"), "3:19: unknown requirement ID 'R-NOPE'");
  EXPECT_EQ(refusal(head + "  - {scenario: a, reason: r}\n"),
            "3:5: missing 'observed': the code the implementation returns, or crash");
  EXPECT_EQ(refusal(head + "  - {scenario: a, observed: 0, reason: }\n"), "3:5: missing 'reason'");
  EXPECT_EQ(refusal(head + "  - {scenario: [a], observed: 0, reason: r}\n"), "3:16: expected a string");
  EXPECT_EQ(refusal(head + "  - just text\n"), "3:5: expected a divergence {scenario|requirement|signature, observed, reason}");
  EXPECT_EQ(refusal("vendor: V\n"), "1:1: expected 'divergences': a list");
  EXPECT_EQ(refusal("vendor: V\nwho: me\ndivergences: []\n"), "2:1: unknown key 'who' (expected vendor, causes, divergences)");
  EXPECT_EQ(refusal("- a\n"), "1:1: expected a map with vendor and divergences");
}

TEST_F(LedgerFile, ReadsExplorationEntries) {
  Ledger l = load(
      "divergences:\n"
      "  - {signature: 'cancel 2W: expected ERROR_OPEN_FILES (2401), got NO_ERROR (0)', reason: why}\n"
      "  - {requirement: R-FORCE-TRUE, observed: ERROR_OPEN_FILES, expected: NO_ERROR, reason: why}\n");
  ASSERT_EQ(l.divergences.size(), 2u);
  EXPECT_EQ(l.divergences[0].signature, "cancel 2W: expected ERROR_OPEN_FILES (2401), got NO_ERROR (0)");
  EXPECT_EQ(l.divergences[1].expected, code::kNoError);
  EXPECT_EQ(l.divergences[1].observed, code::kOpenFiles);
}

// Exploration matches signature entries by signature, requirement entries by requirement and
// codes; scenario entries and requirement entries with a step are for scenarios only.
TEST(Ledger, ExplainsAnExploredDivergenceBySignatureOrRequirementAndCodes) {
  Ledger l{"v", "v.yaml", {}};
  l.divergences.push_back({"a", "", std::nullopt, code::kNoError, "scenario", 3});
  l.divergences.push_back({"", "R-FORCE-TRUE", 2, code::kOpenFiles, "with a step", 4});
  l.divergences.push_back({"", "R-FORCE-TRUE", std::nullopt, code::kOpenFiles, "by codes", 5, false, "", code::kNoError});
  l.divergences.push_back({"", "", std::nullopt, 0, "by signature", 6, false, "last_error: text differs"});
  ExploredDivergence found{"cancel W: expected NO_ERROR (0), got ERROR_OPEN_FILES (2401)", {"R-FORCE-TRUE"},
                           code::kNoError, code::kOpenFiles, false};
  ASSERT_NE(explaining(l, found), nullptr);
  EXPECT_EQ(explaining(l, found)->reason, "by codes");
  found.expected = code::kDeviceInUse;
  EXPECT_EQ(explaining(l, found), nullptr) << "the entry names the expected code";
  found.requirements = {"R-ATOMIC"};
  found.expected = code::kNoError;
  EXPECT_EQ(explaining(l, found), nullptr) << "the step does not exercise the entry's requirement";
  const ExploredDivergence text{"last_error: text differs", {}, 0, 0, false};
  ASSERT_NE(explaining(l, text), nullptr);
  EXPECT_EQ(explaining(l, text)->reason, "by signature");
  EXPECT_EQ(l.divergences[2].where(l.file), "v.yaml:5");
}

TEST_F(LedgerFile, RefusesAnchorsLikeScenarios) {
  EXPECT_EQ(refusal("vendor: &v V\ndivergences: []\n"), "1:9: anchors and aliases are not part of the scenario language");
}

TEST(Ledger, RefusesWhatIsNotARegularFile) {
  try {
    load_ledger(fs::temp_directory_path());
    FAIL() << "accepted";
  } catch (const ScenarioError& e) {
    EXPECT_EQ(std::string(e.what()), fs::temp_directory_path().string() + ": not a regular file");
  }
}

}  // namespace
}  // namespace wnc
