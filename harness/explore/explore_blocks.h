// An exploration cut into blocks (run/shard.h), each explored alone with a seed of its own:
// how certify runs its exploration and explore a sharded one, so that any shard's block
// gives the same result as in the whole run.
#pragma once

#include <functional>
#include <ostream>

#include "explore/explorer.h"
#include "run/shard.h"

namespace wnc {

// The explorer, passed in so tests can certify without RapidCheck's runtime.
using ExploreFn = std::function<ExploreReport(Sut&, const ExploreOptions&, std::ostream&)>;

struct BlockCallbacks {
  std::function<void(const ExploreSlice&)> starting;  // optional
  // Given each block's report; exploring stops when it returns false.
  std::function<bool(const ExploreSlice&, ExploreReport)> finished;
};

// Explores the blocks of `whole` (its seed and cases) that `shard` owns, in block order, each
// with `whole`'s other options.
void explore_blocks(Sut& sut, const ExploreOptions& whole, ShardSpec shard, std::ostream& log, const ExploreFn& explore,
                    const BlockCallbacks& callbacks);

}  // namespace wnc
