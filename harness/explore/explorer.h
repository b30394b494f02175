// Property-based differential exploration (RapidCheck draws one value per step): steps decoded
// from the model's state run on the model and on an implementation, and every result must
// agree. A new divergence is shrunk and saved as a scenario before anything else happens; a
// campaign (keep_going) goes on after it, looking for divergences of other signatures.
#pragma once

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "explore/adaptive_weights.h"
#include "run/ledger.h"
#include "sut.h"

namespace wnc {

struct ExploreOptions {
  std::uint64_t seed = 0;
  int cases = 200;
  int max_steps = 40;
  std::string save_dir = "wnetconf-findings";  // outside the corpus: a finding joins no run of it
  std::string label;  // names the saved scenario: "regression.<label>.<seed>[.<n>]"
  bool verbose = false;  // log every case's swarm knobs
  std::string command;   // how to run this exploration again, for the saved scenario's header
  bool keep_going = false;  // a campaign: go on after a new divergence, to find the next one
  std::optional<double> budget_seconds;  // wall-clock bound: no case starts after it
  const Ledger* ledger = nullptr;  // divergences it explains are known: counted, not failures
};

// One distinct divergence of a campaign, by signature (run/signature.h).
struct FoundDivergence {
  std::string signature;
  long long cases = 0;      // cases that showed it
  int first_case = 0;       // 1-based: the case that found it
  int shrunk_length = 0;    // steps in the saved scenario
  std::string saved_file;   // empty when it could not be saved ...
  std::string save_error;   // ... why (a full disk) ...
  std::string unsaved_case; // ... and the case, to be printed instead
  std::string failure;      // the first diverging step of the shrunk case, expected vs got
  std::string reproduce;    // RapidCheck's reproduce string of the run that found it
  std::string decided_by{};               // the diverging step's layer (run/step_attribution.h)
  std::vector<std::string> about{};       // the requirements it exercised that it is about
};

// A divergence the ledger explains, met while exploring.
struct KnownFinding {
  std::string signature;
  long long cases = 0;
  int first_case = 0;
  std::string entry;   // the ledger entry that explains it: "file:line"
  std::string reason;  // its reason
  std::string decided_by{};          // as FoundDivergence's, for the case that first met it
  std::vector<std::string> about{};
};

struct ExploreReport {
  std::uint64_t seed = 0;
  bool passed = true;       // no new divergence, and RapidCheck ran every case
  int cases = 0;            // cases run, failing ones included
  long long steps = 0;      // steps run on both sides, shrinking excluded
  long long went_on_past = 0;  // known divergences a case went on past (explore/going_on.h)
  // The first new divergence, as certify records a block: shrunk_length ... reproduce.
  int shrunk_length = 0;
  std::string saved_file;
  std::string save_error;
  std::string unsaved_case;
  std::string failure;      // the first diverging step, expected vs got; or why RapidCheck stopped
  std::string reproduce;
  std::vector<FoundDivergence> divergences;  // every new one, in the order found
  std::vector<KnownFinding> known;           // in the order first met
  std::string stopped;      // why it ended before --cases and --budget: the implementation could not be reset
  bool budget_spent = false;  // the campaign ended at --budget, not at --cases
  std::map<std::string, long long> cancel_codes;  // code name -> cancels returning it
  std::map<std::string, long long, std::less<>> requirements;  // requirement ID -> steps exercising it
  std::map<std::string, long long> cells;         // "kind/api/code" -> steps (explore/adaptive_weights.h)
  AdaptiveWeights::Factors weights;                // the adapted factors at the end
  double seconds = 0;       // wall time; the only field that varies between equal runs

  bool all_seed_codes_hit() const;
  // The ledger's entries that exploration can match (signature and step-less requirement
  // entries) and that nothing matched in this exploration.
  std::vector<const Divergence*> stale_entries(const Ledger& ledger) const;
  nlohmann::json to_json() const;  // without `seconds`
};

// Throws SutFailure when the implementation cannot be driven at all, and InternalError on
// a bug in wnetconf (a broken model invariant, an exception from an assumption broken).
ExploreReport explore(Sut& sut, const ExploreOptions& options, std::ostream& log);

}  // namespace wnc
