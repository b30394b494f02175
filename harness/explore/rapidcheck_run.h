// RapidCheck's detail API behind one file: running a property with the explorer's own seed
// and budget, counting finished cases, and reading the outcome. Nothing else in wnetconf
// includes rapidcheck/detail/.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

namespace wnc {

struct PropertyBudget {
  std::uint64_t seed = 0;
  int cases = 0;
  int max_size = 0;  // RapidCheck's size: the longest command sequence
};

struct PropertyOutcome {
  enum class Kind { Passed, Failed, Error, GaveUp } kind = Kind::Passed;
  std::string description;  // RapidCheck's, for Failed, Error and GaveUp
  std::string reproduce;    // Failed: RapidCheck's reproduce string
};

// Runs `property` as RapidCheck would, calling `case_finished` after every case (shrink
// attempts included). RapidCheck's own seed, random and printed at start-up, never shows.
PropertyOutcome run_property(const std::string& name, const PropertyBudget& budget, const std::function<void()>& property,
                             const std::function<void()>& case_finished);

}  // namespace wnc
