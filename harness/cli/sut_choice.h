// The implementation a command drives: the --sut, --mutant, --step-deadline-ms and --wine-*
// options every such command shares, making the implementation, and saying when it could not be
// driven. The runner, explorer and certifier see only the Sut it makes (sut/sut.h).
#pragma once

#include <CLI/CLI.hpp>
#include <memory>
#include <string>
#include <vector>

#include "sut.h"

namespace wnc::cli {

struct SutChoice {
  std::string spec = "sim";
  std::string mutant;            // sim only
  int step_deadline_ms = 10000;  // agents only
  std::string wine_prefix;       // wine only; empty: a private one under the user's cache
  std::string wine;              // wine only; empty: wine on PATH
  std::string wine_debug;        // wine only: WINEDEBUG for the agent; failing steps keep its trace
  std::vector<std::string> wine_dll_overrides;  // wine only: DLLs the prefix loads native first
  std::string token_file;        // tcp: only: the agent's shared secret

  // "--sut X" and, when set, " --mutant M", " --step-deadline-ms N", " --wine PATH" and each
  // " --wine-dll-override FILE", shell-quoted: for reproduce lines.
  std::string flags() const;
  // "sim" or "sim --mutant M": how results.json and reports name what ran.
  std::string label() const;
};

struct SutOptions {
  CLI::Option* sut;
  CLI::Option* mutant;
  CLI::Option* step_deadline;
  CLI::Option* wine_prefix;
  CLI::Option* wine;
  CLI::Option* wine_debug;
  CLI::Option* wine_dll_override;
  CLI::Option* token_file;
};
SutOptions add_sut_options(CLI::App& cmd, SutChoice& choice,
                           const std::string& sut_help = "model, sim, wine, cmd:<command>, tcp:<host>:<port>");

// Throws InputError for a spelling or mutant that names nothing or a token file that
// cannot be read, SutFailure when the implementation named cannot be started.
std::unique_ptr<Sut> make_sut(const SutChoice& choice);

// Prints "wnetconf <command>: the implementation could not be driven: ..." with the agent's
// output; returns exit code 3.
int not_driven(const std::string& command, const SutFailure& failure);

}  // namespace wnc::cli
