// Sharding: --shard i/n and the GoogleTest variables; scenarios and exploration blocks
// split so that the shards together are exactly the whole run.
#include "run/shard.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <set>

#include "scenario/scenario_loader.h"
#include "vocabulary/input_error.h"

namespace wnc {
namespace {

class ShardEnv : public ::testing::Test {
 protected:
  void TearDown() override {
    unsetenv("GTEST_TOTAL_SHARDS");
    unsetenv("GTEST_SHARD_INDEX");
  }
};

TEST_F(ShardEnv, TheFlagWinsThenTheEnvironmentThenTheWholeRun) {
  unsetenv("GTEST_TOTAL_SHARDS");
  unsetenv("GTEST_SHARD_INDEX");
  EXPECT_EQ(shard_from_env_or_flag(""), (ShardSpec{0, 1}));
  setenv("GTEST_TOTAL_SHARDS", "4", 1);
  setenv("GTEST_SHARD_INDEX", "3", 1);
  EXPECT_EQ(shard_from_env_or_flag(""), (ShardSpec{3, 4}));
  EXPECT_EQ(shard_from_env_or_flag("1/2"), (ShardSpec{1, 2}));
  setenv("GTEST_SHARD_INDEX", "4", 1);
  EXPECT_THROW(shard_from_env_or_flag(""), InputError);
  unsetenv("GTEST_SHARD_INDEX");
  EXPECT_THROW(shard_from_env_or_flag(""), InputError);
}

TEST(Shard, BadSpellingsAreRejected) {
  for (const char* bad : {"", "1", "2/2", "-1/2", "0/0", "a/2", "1/2x", "1 /2"})
    EXPECT_THROW(parse_shard(bad), InputError) << bad;
  EXPECT_EQ(parse_shard("0/1"), (ShardSpec{0, 1}));
}

TEST(Shard, ScenarioKInSortedIdOrderGoesToShardKModN) {
  std::vector<Scenario> all;
  for (const char* id : {"e", "b", "d", "a", "c"}) {
    Scenario sc;
    sc.id = id;
    all.push_back(sc);
  }
  auto ids = [](const std::vector<Scenario>& v) {
    std::string out;
    for (const auto& s : v) out += s.id;
    return out;
  };
  EXPECT_EQ(ids(shard(all, {0, 1})), "abcde");
  EXPECT_EQ(ids(shard(all, {0, 2})), "ace");
  EXPECT_EQ(ids(shard(all, {1, 2})), "bd");
  EXPECT_EQ(ids(shard(all, {4, 7})), "e");
  EXPECT_EQ(ids(shard(all, {6, 7})), "");
}

TEST(Shard, ExplorationBlocksPartitionTheCasesWithSeedsOfTheirOwn) {
  const auto whole = explore_slices(99, 110, {});
  ASSERT_EQ(whole.size(), 5u);
  EXPECT_EQ(explore_block_count(110), 5);
  EXPECT_EQ(whole[0].seed, 99u);  // block 0 is `wnetconf explore --seed 99`
  int cases = 0;
  std::set<std::uint64_t> seeds;
  for (const auto& s : whole) {
    cases += s.cases;
    seeds.insert(s.seed);
  }
  EXPECT_EQ(cases, 110);
  EXPECT_EQ(whole.back().cases, 10);
  EXPECT_EQ(seeds.size(), 5u);
  std::vector<ExploreSlice> merged;
  for (int i = 0; i < 3; ++i)
    for (const auto& s : explore_slices(99, 110, {i, 3})) merged.push_back(s);
  std::sort(merged.begin(), merged.end(), [](const ExploreSlice& a, const ExploreSlice& b) { return a.block < b.block; });
  EXPECT_EQ(merged, whole);
  EXPECT_TRUE(explore_slices(99, 0, {}).empty());
}

}  // namespace
}  // namespace wnc
