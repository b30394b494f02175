// How a run is told to people: a line per notable scenario with its failing steps, and totals.
#pragma once

#include <cstddef>
#include <ostream>
#include <string>

#include "run/runner.h"

namespace wnc {

// A failing (or otherwise notable) scenario with each failing step, expected vs got.
void print_outcome(std::ostream& out, const ScenarioOutcome& outcome);
void print_totals(std::ostream& out, const RunReport& report);

// The last lines of a failing step's debug trace (Wine's WINEDEBUG output), each after
// `indent` and "~ ": a relay trace runs to thousands of lines, so the text shows the end and
// says where the whole is (`whole_in`).
inline constexpr size_t kTraceTailLines = 20;
void print_trace_tail(std::ostream& out, const std::string& trace, const std::string& indent,
                      const std::string& whole_in = "--json and results.json");
// What exit 0 or 1 means, in words: "conformant with 2 known divergences (the ledger's); 15 of 19
// requirements not tested". `conformant` is the command's own verdict (certify's counts the exploration).
std::string verdict_words(bool conformant, const RunReport& report);

}  // namespace wnc
