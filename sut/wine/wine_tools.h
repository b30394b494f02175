// Which Wine runs the agent (--wine) and which of the developer's DLLs it loads instead of
// its own (--wine-dll-override). wine and wineserver must be one Wine's: the server speaks
// only its own loader's protocol, so both come from the same place, and wineboot is run as
// `wine wineboot` by that loader.
#pragma once

#include <string>
#include <vector>

namespace wnc::wine {

struct WineTools {
  std::string wine;        // the loader
  std::string wineserver;  // its server, passed to every Wine process as WINESERVER
};

// `chosen` empty: wine and wineserver on PATH (none found: empty fields). Otherwise a wine
// binary, whose wineserver is beside it (an installation's bin/), in server/ (a build
// tree's top-level wine) or in ../server/ (its loader/wine); or a folder: a build tree
// (wine or loader/wine, server/wineserver) or an installation's bin/. Throws InputError naming --wine and the path when that is not a
// Wine (the loader must answer --version with "wine-").
WineTools resolve_wine(const std::string& chosen);

// Each a file named *.dll; throws InputError naming --wine-dll-override and the path.
void check_dll_overrides(const std::vector<std::string>& dlls);

// "mpr.dll" for /x/MPR.DLL: the name it gets in system32, lower case like Wine's own.
std::string dll_file_name(const std::string& dll);

// "mpr,foo" for /x/mpr.dll and y/FOO.DLL: the module names WINEDLLOVERRIDES takes.
std::string override_names(const std::vector<std::string>& dlls);

}  // namespace wnc::wine
