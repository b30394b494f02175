#include "explore/step_draw.h"

#include <bit>
#include <vector>

#include "vocabulary/internal_error.h"

namespace wnc {

namespace {

std::uint64_t splitmix64(std::uint64_t z) {
  z += 0x9E3779B97F4A7C15ULL;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

rc::Seq<std::uint64_t> plainer(std::uint64_t value) {
  std::vector<std::uint64_t> out;
  if (value == 0) return rc::seq::fromContainer(std::move(out));
  out.push_back(0);
  for (int byte = 0; byte < 8; ++byte) {
    const std::uint64_t mask = 0xFFULL << (8 * byte);
    if ((value & mask) && (value & ~mask)) out.push_back(value & ~mask);
  }
  return rc::seq::fromContainer(std::move(out));
}

}  // namespace

std::size_t StepDraw::below(std::size_t n) {
  WNC_ASSERT(n > 0, "a choice among no options");
  if (n == 1) return 0;
  const int width = std::bit_width(n - 1) + 4;
  WNC_ASSERT(width <= 32, "a choice among more options than a step decodes");
  if (left_ < width) {
    mix_ = mix_ == 0 ? 0 : splitmix64(mix_);
    bits_ = mix_;
    left_ = 64;
  }
  const std::uint64_t taken = bits_ & ((std::uint64_t{1} << width) - 1);
  bits_ >>= width;
  left_ -= width;
  return static_cast<std::size_t>((taken * n) >> width);
}

rc::Gen<std::uint64_t> gen_step_value() {
  return rc::Gen<std::uint64_t>([](const rc::Random& random, int) {
    rc::Random r = random;
    return rc::shrinkable::shrinkRecur(r.next(), &plainer);
  });
}

}  // namespace wnc
