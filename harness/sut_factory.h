// Turns a --sut spelling into an implementation: model, sim, wine, cmd:<command>, tcp:<host>:<port>.
#pragma once

#include <memory>
#include <string>

#include "sut.h"

namespace wnc {

struct SutChoice {
  std::string spec = "sim";
  std::string mutant;            // sim only
  int step_deadline_ms = 10000;  // agents only
};

// Throws InputError for a spelling or mutant that names nothing, SutFailure when the
// implementation named cannot be started.
std::unique_ptr<Sut> make_sut(const SutChoice& choice);

}  // namespace wnc
