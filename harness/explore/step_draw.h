// One step's random choices, all decoded from a single drawn value: RapidCheck draws (and
// shrinks) one value per step, not one per choice, and the step is decoded against the
// state's menu (explore/step_generator.h). Each choice takes the bits it needs from the low
// end; zero bits choose the first option, so a value shrunk toward zero makes a plainer step.
#pragma once

#include <rapidcheck.h>

#include <cstddef>
#include <cstdint>

namespace wnc {

class StepDraw {
 public:
  explicit StepDraw(std::uint64_t value) : mix_(value), bits_(value) {}
  // An index in [0, n), n > 0, nearly uniform over values: 4 bits beyond what n needs.
  // Past the value's 64 bits, choices come from a mix of it (still all zero for 0).
  std::size_t below(std::size_t n);

 private:
  std::uint64_t mix_;
  std::uint64_t bits_;
  int left_ = 64;
};

// Any 64 bits. Shrinks to 0 first, then by clearing one byte at a time, lowest (the kind of
// step) first: each candidate makes some choices plainer and keeps the others.
rc::Gen<std::uint64_t> gen_step_value();

}  // namespace wnc
