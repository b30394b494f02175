// The generator's menu weights, adapted during an exploration toward the outcomes seen least:
// each menu entry earns the mean rarity of the (step kind x api x return code) cells its steps
// produced, so an entry that keeps reaching rare cells is offered more, one that only repeats
// common ones less. Deterministic: it sees only the model's results, in case order.
#pragma once

#include <map>
#include <string>

#include "vocabulary/result.h"
#include "vocabulary/step.h"

namespace wnc {

class AdaptiveWeights {
 public:
  // Menu entry -> multiplier of its base weight, in [kLowest, kHighest]; an entry that has
  // produced nothing yet is absent (multiplier 1).
  using Factors = std::map<std::string, double>;
  static constexpr double kLowest = 0.25, kHighest = 8.0;

  // "cancel/W2/2401", "open/-/0": the cell a step's result falls in.
  static std::string cell_of(const Step& step, Code rc);

  void record(const std::string& entry, const Step& step, Code rc);
  // The multipliers for the next case (one case's generation uses one set, shrinking too).
  Factors factors() const;
  const std::map<std::string, long long>& cells() const { return cells_; }

 private:
  std::map<std::string, long long> cells_;  // cell -> steps that fell in it
  std::map<std::string, std::map<std::string, long long>> produced_;  // entry -> cell -> steps
};

// "entry=1.50 other=0.25": the factors that differ from 1, for the log.
std::string describe(const AdaptiveWeights::Factors& factors);

}  // namespace wnc
