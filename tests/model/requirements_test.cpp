#include <gtest/gtest.h>

#include <set>
#include <string>

#include "requirements.h"

namespace wnc {
namespace {

TEST(Requirements, CatalogHoldsExactlyTheSpecIds) {
  const std::set<std::string> spec = {
      "R-DEVICE-ONLY", "R-REMOTE-ONLY", "R-FORCE-FALSE", "R-FORCE-TRUE", "R-RC-NO-ERROR",
      "R-RC-BAD-PROFILE", "R-RC-CANNOT-OPEN-PROFILE", "R-RC-DEVICE-IN-USE", "R-RC-EXTENDED-ERROR",
      "R-RC-NOT-CONNECTED", "R-RC-OPEN-FILES", "R-LUID-NAMESPACE", "R-LUID-ANY-SESSION",
      "R-ANSI-UNICODE", "R-COMPAT-PROFILE", "R-ATOMIC", "R-NAME-CASE", "R-SYSTEM-GLOBAL", "R-LINKED"};
  std::set<std::string> catalog;
  for (const auto& r : requirements()) {
    EXPECT_TRUE(catalog.insert(std::string(r.id)).second) << "duplicate " << r.id;
    EXPECT_FALSE(r.rule.empty()) << r.id;
    EXPECT_FALSE(r.source.empty()) << r.id;
  }
  EXPECT_EQ(catalog, spec);
}

TEST(Requirements, EveryPickARequirementReliesOnIsInTheCatalog) {
  std::set<std::string> ids;
  for (const auto& p : picks()) ids.insert(std::string(p.id));
  for (const auto& r : requirements())
    for (const auto& p : r.picks) EXPECT_TRUE(ids.count(std::string(p))) << r.id << " relies on unknown " << p;
}

TEST(Requirements, FindsById) {
  ASSERT_NE(find_requirement("R-ATOMIC"), nullptr);
  EXPECT_EQ(find_requirement("R-ATOMIC")->id, "R-ATOMIC");
  EXPECT_EQ(find_requirement("R-NOPE"), nullptr);
}

}  // namespace
}  // namespace wnc
