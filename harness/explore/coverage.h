// Which requirement IDs a step exercised, judged from the model's state before the step
// and the model's result: the explorer's own coverage counts.
#pragma once

#include <string_view>
#include <vector>

#include "reference_model.h"

namespace wnc {

// Requirement IDs are literals: a step's list costs no string of its own.
using RequirementIds = std::vector<std::string_view>;

RequirementIds requirements_exercised(const model::State& before, const Step& step, const Result& result);
// The same in two halves, for a caller that applies the step in between: what the state
// before it makes the step exercise, then what the model's answer adds.
RequirementIds requirements_of_situation(const model::State& before, const Step& step);
void add_requirements_of_answer(const Step& step, const Result& result, RequirementIds& out);

}  // namespace wnc
