// A divergence's signature: what a person would call "the same bug" (docs/explore.md). Two
// divergences with one signature are one finding, however they were reached; no seed, logon,
// device, path or file name is part of it, so it is the same across seeds and campaigns.
#pragma once

#include <string>

#include "scenario/scenario.h"

namespace wnc {

// How the implementation answered the diverging step, when it did not answer normally.
enum class StepTrouble {
  None,
  Crash,     // it died, went away or answered garbage (SutFailure::Kind::Failed)
  Hang,      // no answer within the step deadline (SutFailure::Kind::Hung)
  Rejected,  // it refused the step as malformed
};

// "<kind>[ <api>]: <what differed>", e.g.
//   "cancel 2W: expected ERROR_OPEN_FILES (2401), got NO_ERROR (0)"
//   "get_connection: remote differs"   "add: crash"   "open: hang"
// `want` and `got` must disagree (mismatches() non-empty) unless `trouble` is set.
std::string divergence_signature(const Step& step, const Expectation& want, const Result& got, StepTrouble trouble);

}  // namespace wnc
