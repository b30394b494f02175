#include "run/shard.h"

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <stdexcept>

#include "vocabulary/input_error.h"

namespace wnc {

namespace {

int parse_int(std::string_view text, const std::string& what) {
  int value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size())
    throw InputError(what + ": '" + std::string(text) + "' is not a whole number");
  return value;
}

ShardSpec checked(ShardSpec spec, const std::string& where) {
  if (spec.total < 1 || spec.index < 0 || spec.index >= spec.total)
    throw InputError(where + ": shard " + spec.text() + " (expected i/n with 0 <= i < n)");
  return spec;
}

// splitmix64: consecutive inputs give unrelated seeds.
std::uint64_t mix(std::uint64_t x) {
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

}  // namespace

ShardSpec parse_shard(std::string_view text) {
  const size_t slash = text.find('/');
  if (slash == std::string_view::npos)
    throw InputError("--shard '" + std::string(text) + "' (expected i/n, such as 0/4)");
  ShardSpec spec{parse_int(text.substr(0, slash), "--shard"), parse_int(text.substr(slash + 1), "--shard")};
  return checked(spec, "--shard");
}

ShardSpec shard_from_env_or_flag(const std::string& flag) {
  if (!flag.empty()) return parse_shard(flag);
  const char* total = std::getenv("GTEST_TOTAL_SHARDS");
  const char* index = std::getenv("GTEST_SHARD_INDEX");
  if (!total && !index) return {};
  if (!total || !index)
    throw InputError("GTEST_TOTAL_SHARDS and GTEST_SHARD_INDEX must be set together");
  ShardSpec spec{parse_int(index, "GTEST_SHARD_INDEX"), parse_int(total, "GTEST_TOTAL_SHARDS")};
  return checked(spec, "GTEST_SHARD_INDEX/GTEST_TOTAL_SHARDS");
}

std::vector<Scenario> shard(const std::vector<Scenario>& scenarios, ShardSpec spec) {
  std::vector<const Scenario*> sorted;
  for (const auto& sc : scenarios) sorted.push_back(&sc);
  std::sort(sorted.begin(), sorted.end(), [](const Scenario* a, const Scenario* b) { return a->id < b->id; });
  std::vector<Scenario> out;
  for (size_t k = 0; k < sorted.size(); ++k)
    if (static_cast<int>(k % static_cast<size_t>(spec.total)) == spec.index) out.push_back(*sorted[k]);
  return out;
}

int explore_block_count(int cases) { return cases <= 0 ? 0 : (cases + kCasesPerBlock - 1) / kCasesPerBlock; }

std::vector<ExploreSlice> explore_slices(std::uint64_t seed, int cases, ShardSpec spec) {
  std::vector<ExploreSlice> out;
  for (int k = spec.index; k < explore_block_count(cases); k += spec.total) {
    const std::uint64_t block_seed = k == 0 ? seed : mix(seed ^ mix(static_cast<std::uint64_t>(k)));
    out.push_back({k, block_seed, std::min(kCasesPerBlock, cases - k * kCasesPerBlock)});
  }
  return out;
}

}  // namespace wnc
