// The generator's menu weights, adapted during an exploration toward the outcomes seen least:
// each menu entry earns the mean rarity of the (step kind x api x return code) cells its steps
// produced, so an entry that keeps reaching rare cells is offered more, one that only repeats
// common ones less. Deterministic: it sees only the model's results, in case order.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "vocabulary/result.h"
#include "vocabulary/step.h"

namespace wnc {

class AdaptiveWeights {
 public:
  // Menu entry -> multiplier of its base weight, in [kLowest, kHighest]; an entry that has
  // produced nothing yet is absent (multiplier 1).
  using Factors = std::map<std::string, double, std::less<>>;
  static constexpr double kLowest = 0.25, kHighest = 8.0;

  // "cancel/W2/2401", "open/-/0": the cell a step's result falls in.
  static std::string cell_of(const Step& step, Code rc);

  void record(std::string_view entry, const Step& step, Code rc);
  // The multipliers for the next case (one case's generation uses one set, shrinking too).
  Factors factors() const;
  std::map<std::string, long long> cells() const;  // cell -> steps that fell in it

 private:
  // Cells and entries are numbered as first seen, so that recording a step, once per step,
  // compares numbers; the sums of factors() run in name order all the same.
  struct Cell {
    std::string name;
    long long steps = 0;
  };
  struct Entry {
    std::vector<long long> steps;  // by cell number
    std::vector<int> cells;        // the numbers of the cells it produced, in name order
  };
  std::vector<Cell> cells_;
  std::map<std::uint64_t, int> cell_numbers_;  // (step type, api, code) -> cell number
  std::vector<int> cells_by_name_;             // cell numbers in name order, to find a name
  std::vector<Entry> entries_;
  std::map<std::string, int, std::less<>> entry_numbers_;  // in name order
};

// "entry=1.50 other=0.25": the factors that differ from 1, for the log.
std::string describe(const AdaptiveWeights::Factors& factors);

}  // namespace wnc
