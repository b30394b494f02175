#include "explore/explore_blocks.h"

namespace wnc {

void explore_blocks(Sut& sut, const ExploreOptions& whole, ShardSpec shard, std::ostream& log, const ExploreFn& explore,
                    const BlockCallbacks& callbacks) {
  for (const ExploreSlice& slice : explore_slices(whole.seed, whole.cases, shard)) {
    ExploreOptions block = whole;
    block.seed = slice.seed;
    block.cases = slice.cases;
    if (callbacks.starting) callbacks.starting(slice);
    if (!callbacks.finished(slice, explore(sut, block, log))) return;
  }
}

}  // namespace wnc
