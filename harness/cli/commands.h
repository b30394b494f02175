// The subcommands of `wnetconf` (README.md). Each registers itself on the app and writes
// its exit code into `exit_code`: 0 conformant, 1 failures, 2 bad input (an InputError),
// 3 SUT not driven. Any other exception is a bug in wnetconf: main() reports it, exit 4.
#pragma once

#include <CLI/CLI.hpp>

#include "vocabulary/input_error.h"

namespace wnc::cli {

namespace exit_code {
inline constexpr int kConformant = 0;
inline constexpr int kFailures = 1;
inline constexpr int kBadInput = 2;
inline constexpr int kSutNotDriven = 3;
inline constexpr int kInternalError = 4;
}  // namespace exit_code

void add_run(CLI::App& app, int& exit_code);
void add_requirements(CLI::App& app, int& exit_code);
void add_explore(CLI::App& app, int& exit_code);
void add_replay(CLI::App& app, int& exit_code);
void add_certify(CLI::App& app, int& exit_code);
void add_verify(CLI::App& app, int& exit_code);
void add_agent(CLI::App& app, int& exit_code);

}  // namespace wnc::cli
