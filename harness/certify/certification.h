// One certification of one implementation: what was asked for and what came out. The
// results document, the reports, merging and re-running all work from this.
#pragma once

#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "run/shard.h"
#include "explore/explorer.h"
#include "run/ledger.h"
#include "run/runner.h"

namespace wnc {

// Recorded in the bundle (seeds.json, results.json) so that `verify --rerun` can redo it.
struct CertifySettings {
  std::string vendor;
  std::string sut;  // the --sut spelling, with ":mutant" for a sim mutant
  std::uint64_t seed = 1;
  int cases = 200;
  int max_steps = 40;
  ShardSpec shard;
};

struct ExplorationBlock {
  ExploreSlice slice;
  ExploreReport report;  // saved_file is relative to the bundle
  nlohmann::json trace;  // outcome_json of the saved failing case re-run, or null
};

struct Certification {
  CertifySettings settings;
  // The whole corpus, sorted by id, each file relative to the bundle; outcomes point here.
  std::shared_ptr<const std::vector<Scenario>> corpus;
  std::optional<Ledger> ledger;  // its file is relative to the bundle
  RunReport run;                 // this shard's scenarios, in id order
  std::vector<ExplorationBlock> exploration;  // this shard's blocks, in block order

  bool exploration_passed() const;
  // Some requirement was tested by a scenario that ran: without one, nothing is certified.
  bool tested_a_requirement() const;
  bool conformant() const;      // exit code 0 vs 1 (README.md)
  const char* verdict() const;  // "conformant", "conformant with known divergences", "not conformant"
};

}  // namespace wnc
