// Swarm testing: each case enables a random subset of step kinds and fault knobs, so that
// rare interleavings are not drowned out by common ones.
#pragma once

#include <rapidcheck.h>

#include <memory>
#include <set>
#include <string>

#include "explore/adaptive_weights.h"
#include "vocabulary/setup.h"

namespace wnc {

struct Swarm {
  Setup setup;
  std::set<std::string, std::less<>> kinds;  // step kinds this case may generate
  bool provider_faults = false;
  bool profile_faults = false;
  bool nasty_names = false;     // case, trailing backslash, NULL, empty, junk
  bool as_system = false;       // steps as the predefined system logon
  bool ansi = false;            // the implementation offers the A forms
  bool null_name = false;       // ... a NULL lpName
  bool print = false;           // ... print redirections
  // The explorer's, for this case (not drawn: adapted); shared, not copied, by every case
  // that uses them. Null: every factor is 1.
  std::shared_ptr<const AdaptiveWeights::Factors> weights;
  std::string describe() const; // one line, for logs and saved scenarios: the drawn knobs
};

// Only what `capabilities` (an implementation's hello) offers is ever enabled.
rc::Gen<Swarm> gen_swarm(const std::set<std::string>& capabilities);

}  // namespace wnc
