#include "sut_factory.h"

#include <stdexcept>

#include "model_sut.h"

namespace wnc {

std::unique_ptr<Sut> make_sut(const SutChoice& c) {
  if (!c.mutant.empty() && c.spec != "sim") throw std::invalid_argument("--mutant applies to --sut sim only");
  if (c.spec == "model") return make_model_sut();
  throw std::invalid_argument("unknown --sut '" + c.spec + "' (expected model, sim, wine, cmd:<command>, tcp:<host>:<port>)");
}

}  // namespace wnc
