// Steps, results and expectations as one line of text, for people: console output, saved
// cases' comments, reports.
#pragma once

#include <string>
#include <string_view>

#include "scenario/scenario.h"

namespace wnc {

// The step as a one-line flow map: "cancel {as: alice, name: 'Z:', force: false, api: W}".
std::string describe_step(const Step& step);
std::string describe_result(const Result& result);
// "ERROR_OPEN_FILES (2401), remote '\\fs1\docs'"
std::string describe_expectation(const Expectation& expectation);

// "1 scenario", "2 scenarios"; `many` for a plural other than one + "s" ("unexpected passes").
std::string counted(long long n, std::string_view one, std::string_view many = {});

}  // namespace wnc
