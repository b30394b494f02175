// Splitting a run across machines (a CI matrix, a test farm): `--shard i/n`, or the
// GTEST_TOTAL_SHARDS / GTEST_SHARD_INDEX variables test farms already set.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "scenario/scenario.h"

namespace wnc {

struct ShardSpec {
  int index = 0;  // 0-based, as GTEST_SHARD_INDEX
  int total = 1;
  bool partial() const { return total > 1; }
  std::string text() const { return std::to_string(index) + "/" + std::to_string(total); }
  bool operator==(const ShardSpec&) const = default;
};

// "i/n" with 0 <= i < n. Throws InputError saying what was expected.
ShardSpec parse_shard(std::string_view text);

// `flag` (a --shard value) when not empty, else GTEST_TOTAL_SHARDS and GTEST_SHARD_INDEX
// when set, else the whole run (0/1). Throws InputError on a bad value.
ShardSpec shard_from_env_or_flag(const std::string& flag);

// This shard's scenarios: sorted by id, scenario k goes to shard k mod n.
std::vector<Scenario> shard(const std::vector<Scenario>& scenarios, ShardSpec spec);

// Exploration is cut into blocks of kCasesPerBlock cases, each with a seed of its own, so a
// block gives the same result whichever shard runs it and shards merge into the unsharded
// run. Block 0 keeps the run's seed; block k goes to shard k mod n. A block reproduces alone
// with `wnetconf explore --seed <its seed> --cases <its cases>`.
inline constexpr int kCasesPerBlock = 25;

struct ExploreSlice {
  int block = 0;
  std::uint64_t seed = 0;
  int cases = 0;
  bool operator==(const ExploreSlice&) const = default;
};

// The number of blocks `cases` cases make, over all shards.
int explore_block_count(int cases);

// This shard's blocks, in block order.
std::vector<ExploreSlice> explore_slices(std::uint64_t seed, int cases, ShardSpec spec);

}  // namespace wnc
