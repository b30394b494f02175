// Steps, results and expectations as one line of text, for people: console output, saved
// cases' comments, reports.
#pragma once

#include <string>

#include "scenario/scenario.h"

namespace wnc {

// The step as a one-line flow map: "cancel {as: alice, name: 'Z:', force: false, api: W}".
std::string describe_step(const Step& step);
std::string describe_result(const Result& result);
// "ERROR_OPEN_FILES (2401), remote '\\fs1\docs'"
std::string describe_expectation(const Expectation& expectation);

}  // namespace wnc
