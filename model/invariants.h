// What every reachable State satisfies, whatever steps led to it. A broken invariant is a
// bug in the model (or in whoever built the State), never a divergence of an implementation.
#pragma once

#include <optional>
#include <string>

#include "reference_model.h"

namespace wnc::model {

// Nothing when every invariant holds; else a description of the first one broken.
std::optional<std::string> check_invariants(const State& state);

}  // namespace wnc::model
