// One drawn value per step: zero is the plainest step, choices stay in range and spread
// evenly, and a value shrinks to zero first, then one byte at a time.
#include "explore/step_draw.h"

#include <gtest/gtest.h>

#include <map>

#include "explore/explore_state.h"
#include "explore/step_generator.h"
#include "vocabulary/capabilities.h"

namespace wnc {
namespace {

TEST(StepDraw, ZeroChoosesTheFirstOptionEveryTime) {
  StepDraw d(0);
  for (std::size_t n = 1; n < 5000; n += 37) EXPECT_EQ(d.below(n), 0u) << n;
}

TEST(StepDraw, ChoicesStayInRangeAndSpreadEvenly) {
  rc::Random random(7);
  std::map<std::size_t, int> seen;
  for (int i = 0; i < 50000; ++i) {
    StepDraw d(random.next());
    for (int choice = 0; choice < 12; ++choice) {  // past the value's 64 bits too
      const std::size_t k = d.below(5);
      ASSERT_LT(k, 5u);
      if (choice == 11) ++seen[k];
    }
  }
  ASSERT_EQ(seen.size(), 5u);
  for (const auto& [k, count] : seen) EXPECT_NEAR(count, 10000, 800) << k;
}

TEST(StepDraw, AValueShrinksToZeroThenOneByteAtATime) {
  const auto shrinkable = gen_step_value()(rc::Random(3), 0);
  const std::uint64_t value = shrinkable.value();
  ASSERT_NE(value, 0u);
  auto shrinks = shrinkable.shrinks();
  auto first = shrinks.next();
  ASSERT_TRUE(first);
  EXPECT_EQ(first->value(), 0u);
  int cleared = 0;
  while (auto next = shrinks.next()) {
    const std::uint64_t gone = value ^ next->value();
    EXPECT_EQ(gone & next->value(), 0u) << "a shrink only clears bits";
    int bytes = 0;
    for (int b = 0; b < 8; ++b) bytes += ((gone >> (8 * b)) & 0xFF) != 0;
    EXPECT_EQ(bytes, 1) << std::hex << next->value();
    ++cleared;
  }
  EXPECT_GE(cleared, 6);  // a random value has (almost always) eight non-zero bytes
}

TEST(StepDecoder, ZeroIsTheMenusFirstEntry) {
  Swarm swarm;
  swarm.setup.logons["alice"].user = "alice";
  swarm.setup.network.shares = {R"(\\fs1\docs)"};
  swarm.kinds = {"cancel", "add", "drives"};
  ExploreState state(swarm.setup);
  const GeneratedStep g = StepDecoder(swarm).decode(state, 0);
  EXPECT_STREQ(g.entry, "cancel");
  const auto& cancel = std::get<CancelStep>(g.step);
  EXPECT_EQ(cancel.api, Api::W);
  EXPECT_FALSE(cancel.force);
}

}  // namespace
}  // namespace wnc
