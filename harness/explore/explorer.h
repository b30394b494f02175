// Property-based differential exploration (RapidCheck stateful testing): steps generated
// from the model's state run on the model and on an implementation, and every result must
// agree. A failure is shrunk and saved as a scenario before anything else happens.
#pragma once

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>
#include <string>

#include "sut.h"

namespace wnc {

struct ExploreOptions {
  std::uint64_t seed = 0;
  int cases = 200;
  int max_steps = 40;
  std::string save_dir = "scenarios/regressions";
  std::string label;  // names the saved scenario: "regression.<label>.<seed>"
  bool verbose = false;  // log every case's swarm knobs
  std::string command;   // how to run this exploration again, for the saved scenario's header
};

struct ExploreReport {
  std::uint64_t seed = 0;
  bool passed = true;
  int cases = 0;            // cases run, the failing one included
  long long steps = 0;      // steps run on both sides, shrinking excluded
  int shrunk_length = 0;    // steps in the saved scenario
  std::string saved_file;   // the regression scenario, when one was saved
  std::string save_error;   // why it could not be saved (a full disk) ...
  std::string unsaved_case; // ... and the case, to be printed instead
  std::string failure;      // the first diverging step, expected vs got
  std::string reproduce;    // RapidCheck's reproduce string
  std::map<std::string, long long> cancel_codes;  // code name -> cancels returning it
  std::map<std::string, long long> requirements;  // requirement ID -> steps exercising it
  double seconds = 0;       // wall time; the only field that varies between equal runs

  bool all_seed_codes_hit() const;
  nlohmann::json to_json() const;  // without `seconds`
};

// Throws SutFailure when the implementation cannot be driven at all, and InternalError on
// a bug in wnetconf (a broken model invariant, an exception from an assumption broken).
ExploreReport explore(Sut& sut, const ExploreOptions& options, std::ostream& log);

}  // namespace wnc
