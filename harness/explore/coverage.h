// Which requirement IDs a step exercised, judged from the model's state before the step
// and the model's result: the explorer's own coverage counts.
#pragma once

#include <string>
#include <vector>

#include "reference_model.h"

namespace wnc {

std::vector<std::string> requirements_exercised(const model::State& before, const Step& step, const Result& result);

}  // namespace wnc
