// The adapted menu weights: an entry whose steps reach rare cells is offered more, one that
// repeats common cells less, within the clamp; cells are (kind x api x code).
#include "explore/adaptive_weights.h"

#include <gtest/gtest.h>

namespace wnc {
namespace {

CancelStep cancel(Api api) {
  CancelStep s;
  s.as = "alice";
  s.name = "Z:";
  s.api = api;
  return s;
}

TEST(AdaptiveWeights, CellsAreKindApiAndCode) {
  EXPECT_EQ(AdaptiveWeights::cell_of(cancel(Api::W2), 2401), "cancel/2W/2401");
  EXPECT_EQ(AdaptiveWeights::cell_of(DrivesStep{"alice"}, 0), "drives/-/0");
}

TEST(AdaptiveWeights, RareCellsRaiseTheirEntryCommonOnesLowerIt) {
  AdaptiveWeights w;
  EXPECT_TRUE(w.factors().empty()) << "nothing seen: every entry keeps its base weight";
  for (int i = 0; i < 50; ++i) w.record("common", cancel(Api::W), 2250);
  w.record("rare", cancel(Api::W), 2401);
  for (int i = 0; i < 10; ++i) w.record("middle", DrivesStep{"alice"}, 0);
  const auto f = w.factors();
  EXPECT_GT(f.at("rare"), f.at("middle"));
  EXPECT_GT(f.at("middle"), f.at("common"));
  EXPECT_GT(f.at("rare"), 1.0);
  EXPECT_LT(f.at("common"), 1.0);
  EXPECT_EQ(w.cells().at("cancel/W/2250"), 50);
}

TEST(AdaptiveWeights, FactorsStayWithinTheClamp) {
  AdaptiveWeights w;
  for (int e = 0; e < 20; ++e)
    for (int i = 0; i < 5; ++i) w.record("e" + std::to_string(e), DrivesStep{"alice"}, 0);
  w.record("rare", cancel(Api::W), 1206);
  for (int i = 0; i < 1000; ++i) w.record("flood", DrivesStep{"alice"}, 0);
  const auto f = w.factors();
  EXPECT_EQ(f.at("rare"), AdaptiveWeights::kHighest);
  EXPECT_EQ(f.at("flood"), f.at("e0")) << "one cell: one rarity, however many steps";
  for (const auto& [entry, factor] : f) {
    EXPECT_GE(factor, AdaptiveWeights::kLowest) << entry;
    EXPECT_LE(factor, AdaptiveWeights::kHighest) << entry;
  }
}

TEST(AdaptiveWeights, AnEntryEarnsTheMeanOfItsCells) {
  AdaptiveWeights w;
  for (int i = 0; i < 9; ++i) w.record("a", DrivesStep{"alice"}, 0);
  w.record("b", DrivesStep{"alice"}, 0);
  w.record("b", cancel(Api::A), 0);  // a cell b alone reached
  const auto f = w.factors();
  EXPECT_GT(f.at("b"), f.at("a"));
  EXPECT_EQ(describe({{"b", 1.5}, {"a", 1.0}}), "b=1.50");
  EXPECT_EQ(describe({}), "all 1");
}

// Both fault types are the kind "fault": their steps count in one cell, so an entry making
// each kind of fault is not taken for reaching two rare cells.
TEST(AdaptiveWeights, StepTypesOfOneKindShareACell) {
  AdaptiveWeights w;
  for (int i = 0; i < 3; ++i) w.record("profile-only", ProfileFaultStep{}, 0);
  w.record("both", ProfileFaultStep{}, 0);
  w.record("both", ProviderFaultStep{}, 0);
  EXPECT_EQ(w.cells(), (std::map<std::string, long long>{{"fault/-/0", 5}}));
  const auto f = w.factors();
  EXPECT_DOUBLE_EQ(f.at("both"), f.at("profile-only"));
}

}  // namespace
}  // namespace wnc
