// Where wnetconf finds what it ships with: the scenario corpus and the Windows agent. An
// installed binary looks relative to itself (<prefix>/bin/wnetconf finds
// <prefix>/share/wnetconf and <prefix>/lib/wnetconf), so a moved installation still works;
// a binary in its build tree uses the source and build trees it was built from.
#pragma once

#include <string>

namespace wnc::cli {

// The folder of the running executable.
std::string executable_dir();

// The corpus: installed share/wnetconf/scenarios, else the source tree's scenarios/.
std::string corpus_dir();

// The folder holding wnetconf-agent.exe and wnetconf-np.dll: installed lib/wnetconf, else
// the build tree's cross-build output (empty when it was not cross-built).
std::string windows_agent_dir();

}  // namespace wnc::cli
