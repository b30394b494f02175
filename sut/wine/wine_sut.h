// `--sut wine`: wnetconf-agent.exe under Wine, in a fresh prefix with wnetconf-np.dll as
// its network provider; one wineserver and one agent process for the whole run.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "sut.h"

namespace wnc {

struct WineSutOptions {
  std::string bin_dir;     // holds wnetconf-agent.exe and wnetconf-np.dll
  // Empty: a private folder under the user's cache, deleted after the run. Otherwise a folder
  // that is new, empty or one wnetconf made: emptied, made afresh, kept after the run.
  std::string prefix_dir;
  // Empty: wine and wineserver on PATH. Otherwise a wine binary or a Wine build tree
  // (wine/wine_tools.h).
  std::string wine;
  // WINEDEBUG for the agent ("+mpr,+relay"); each step's share of its stderr is then the
  // step's debug trace (Sut::take_debug_trace). Empty: -all, and no trace.
  std::string wine_debug;
  // DLLs put in the prefix's system32 and loaded native first (WINEDLLOVERRIDES name=n,b).
  std::vector<std::string> dll_overrides;
  int step_deadline_ms = 10000;
  int start_deadline_ms = 60000;    // an agent's start, up to its hello
  int prefix_deadline_ms = 180000;  // each Wine tool while the prefix is made (wineboot)
};

// The agent and provider of this build tree, and a private prefix.
WineSutOptions default_wine_sut_options();

// Why the Wine SUT cannot run here (not cross-built, no wine on PATH when no --wine is given,
// binaries missing); empty when it can.
std::string wine_sut_unavailable(const WineSutOptions& options);

// Makes the prefix and starts the agent (about 15 s). Throws InputError for a `wine` that is
// not a Wine or an override that is not a DLL file, SutFailure when the prefix or agent fails.
// An agent that crashes, hangs or answers garbage fails that call with SutFailure and is
// replaced by a fresh one on the next call; destroying the Sut stops the agent and the
// prefix's wineserver.
std::unique_ptr<Sut> make_wine_sut(const WineSutOptions& options);

}  // namespace wnc
