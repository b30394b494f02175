// The reference model driven as an implementation under test (`--sut model`): it
// validates the corpus, and serves as the oracle side of differential runs.
#pragma once

#include <memory>

#include "sut.h"

namespace wnc {

std::unique_ptr<Sut> make_model_sut();

}  // namespace wnc
