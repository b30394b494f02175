#include "wine/wine_tools.h"

#include <unistd.h>

#include <filesystem>

#include "wine/host_tool.h"
#include "vocabulary/input_error.h"

namespace wnc::wine {

namespace fs = std::filesystem;

namespace {

constexpr int kVersionDeadlineMs = 30000;

bool executable(const fs::path& p) {
  std::error_code ec;
  return fs::is_regular_file(p, ec) && ::access(p.c_str(), X_OK) == 0;
}

std::string lower_ascii(std::string s) {
  for (char& c : s) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return s;
}

// The first of `candidates` that is an executable file; empty if none.
std::string first_executable(std::initializer_list<fs::path> candidates) {
  for (const auto& c : candidates)
    if (executable(c)) return c.lexically_normal().string();
  return {};
}

}  // namespace

WineTools resolve_wine(const std::string& chosen) {
  if (chosen.empty()) return {find_on_path("wine"), find_on_path("wineserver")};
  const std::string where = "--wine " + chosen + ": ";
  const fs::path path = fs::absolute(chosen);
  std::error_code ec;
  WineTools tools;
  if (fs::is_directory(path, ec)) {
    tools.wine = first_executable({path / "wine", path / "loader" / "wine"});
    if (tools.wine.empty()) throw InputError(where + "the folder holds neither wine nor loader/wine");
    tools.wineserver = first_executable({path / "server" / "wineserver", path / "wineserver"});
    if (tools.wineserver.empty()) throw InputError(where + "the folder holds neither server/wineserver nor wineserver");
  } else {
    if (!fs::exists(path, ec)) throw InputError(where + "no such file or folder");
    if (!executable(path)) throw InputError(where + "not an executable file");
    const fs::path dir = path.parent_path();
    tools.wine = path.lexically_normal().string();
    tools.wineserver = first_executable({dir / "wineserver", dir / "server" / "wineserver", dir / ".." / "server" / "wineserver"});
    if (tools.wineserver.empty())
      throw InputError(where + "no wineserver beside it (" + (dir / "wineserver").string() + ") or in " +
                       (dir / ".." / "server").lexically_normal().string() +
                       ": wnetconf runs wine and wineserver of the same Wine");
  }
  // --version needs no prefix and starts no server: a cheap proof that this is a Wine loader.
  const std::string log = (fs::temp_directory_path() / ("wnetconf-wine-version-" + std::to_string(::getpid()))).string();
  ToolRun version = run_tool({tools.wine, "--version"}, {}, log, kVersionDeadlineMs);
  fs::remove(log, ec);
  // Debian's wrapper may print a warning (no wine32) first: the version is a line of its own.
  const bool says_wine = version.log.rfind("wine-", 0) == 0 || version.log.find("\nwine-") != std::string::npos;
  if (version.status != 0 || !says_wine)
    throw InputError(where + tools.wine + " is not a Wine loader: `" + tools.wine + " --version` " +
                     (version.status == 0 ? "printed '" + version.log.substr(0, 80) + "'"
                                          : "failed (status " + std::to_string(version.status) + ")") +
                     ", not wine-<version>");
  return tools;
}

void check_dll_overrides(const std::vector<std::string>& dlls) {
  for (const auto& dll : dlls) {
    const std::string where = "--wine-dll-override " + dll + ": ";
    std::error_code ec;
    if (!fs::is_regular_file(dll, ec)) throw InputError(where + "no such file");
    const std::string name = dll_file_name(dll);
    if (name.size() <= 4 || name.substr(name.size() - 4) != ".dll")
      throw InputError(where + "not a .dll file (Wine overrides a DLL by its module name)");
  }
}

std::string dll_file_name(const std::string& dll) { return lower_ascii(fs::path(dll).filename().string()); }

std::string override_names(const std::vector<std::string>& dlls) {
  std::string names;
  for (const auto& dll : dlls) names += (names.empty() ? "" : ",") + fs::path(dll_file_name(dll)).stem().string();
  return names;
}

}  // namespace wnc::wine
