#include "wine/wine_prefix.h"

#include <filesystem>
#include <fstream>

#include "sut.h"

namespace wnc::wine {

namespace fs = std::filesystem;

namespace {

constexpr int kServerDeadlineMs = 30000;

// HKLM NetworkProvider\Order and Services\wnetconf\NetworkProvider: what Wine's mpr reads
// when it loads. A fresh prefix has no ProviderOrder, so this sets it (docs/windows.md).
constexpr char kProviderReg[] = R"(Windows Registry Editor Version 5.00

[HKEY_LOCAL_MACHINE\System\CurrentControlSet\Control\NetworkProvider\Order]
"ProviderOrder"="wnetconf"

[HKEY_LOCAL_MACHINE\System\CurrentControlSet\Services\wnetconf\NetworkProvider]
"Name"="wnetconf test network"
"ProviderPath"="C:\\wnetconf\\wnetconf-np.dll"
"Class"=dword:00000001
)";

// Inside the prefix, so a private prefix takes them when it goes.
constexpr char kToolLog[] = "wnetconf-tools.log";
constexpr char kStopLog[] = "wnetconf-stop.log";

// No Mono or Gecko installer prompts during wineboot.
constexpr char kNoInstallers[] = "mscoree,mshtml=";

Env prefix_env(const WineTools& tools, const std::string& dir) {
  return {{"WINEPREFIX", dir},
          {"WINEDEBUG", "-all"},
          {"WINEDLLOVERRIDES", kNoInstallers},
          // The loader starts and finds this server, not one on PATH.
          {"WINESERVER", tools.wineserver}};
}

// -k ends the server of this prefix only (and the Wine processes it serves); -w waits until
// it is gone. Both are no-ops when none runs.
void stop_server_of(const WineTools& tools, const std::string& dir) {
  const Env env = prefix_env(tools, dir);
  run_tool({tools.wineserver, "-k"}, env, dir + "/" + kStopLog, kServerDeadlineMs);
  run_tool({tools.wineserver, "-w"}, env, dir + "/" + kStopLog, kServerDeadlineMs);
}

}  // namespace

WinePrefix::WinePrefix(const std::string& chosen_dir, const std::string& bin_dir, const WineTools& tools,
                       const std::vector<std::string>& dll_overrides, int deadline_ms)
    : tools_(tools),
      folder_(chosen_dir, default_cache_root(), [this](const std::string& d) { stop_server_of(tools_, d); }),
      env_(prefix_env(tools_, folder_.path())),
      overrides_(override_names(dll_overrides)) {
  if (fs::exists(dir() + "/system.reg")) stop_server();  // an earlier run's, on a chosen folder
  try {
    build(bin_dir, dll_overrides, deadline_ms);
  } catch (...) {
    stop_server();
    throw;
  }
}

Env WinePrefix::agent_env(const std::string& debug_channels) const {
  Env env = env_;
  for (auto& [name, value] : env) {
    if (name == "WINEDEBUG" && !debug_channels.empty()) value = debug_channels;
    // n,b: the file in system32 first, Wine's builtin only if that fails to load.
    if (name == "WINEDLLOVERRIDES" && !overrides_.empty()) value += ";" + overrides_ + "=n,b";
  }
  return env;
}

void WinePrefix::build(const std::string& bin_dir, const std::vector<std::string>& dll_overrides, int deadline_ms) {
  folder_.clear();
  run({tools_.wineserver, "-p"}, "starting wineserver", kServerDeadlineMs);
  // wineboot through this loader: an installed wineboot script would run the wine on PATH.
  run({tools_.wine, "wineboot", "-i"}, "creating the prefix (wineboot -i)", deadline_ms);

  // The mount manager publishes the default z: (Unix /) when it starts; restart the server
  // without that link, or every Z: scenario measures the prefix, not the API. dosdevices/unc
  // is where Wine looks for \\server\share: the provider's shares live there.
  stop_server();
  fs::remove(dir() + "/dosdevices/z:");
  fs::create_directories(dir() + "/dosdevices/unc");
  fs::create_directories(agent_dir());
  for (const char* file : {"wnetconf-agent.exe", "wnetconf-np.dll"})
    fs::copy_file(bin_dir + "/" + file, agent_dir() + "/" + file, fs::copy_options::overwrite_existing);
  // After wineboot, which writes Wine's own DLLs to system32.
  for (const auto& dll : dll_overrides)
    fs::copy_file(dll, dir() + "/drive_c/windows/system32/" + dll_file_name(dll),
                  fs::copy_options::overwrite_existing);
  std::ofstream(agent_dir() + "/provider.reg") << kProviderReg;
  run({tools_.wineserver, "-p"}, "starting wineserver", kServerDeadlineMs);
  // Also starts Wine's services now, outside any agent's process group.
  run({tools_.wine, "regedit", "/S", "C:\\wnetconf\\provider.reg"}, "registering the provider", deadline_ms);
}

WinePrefix::~WinePrefix() { stop_server(); }

void WinePrefix::stop_server() { stop_server_of(tools_, dir()); }

void WinePrefix::run(const std::vector<std::string>& argv, const std::string& what, int deadline_ms) {
  ToolRun r = run_tool(argv, env_, dir() + "/" + kToolLog, deadline_ms);
  if (r.status == 0) return;
  throw SutFailure("wine: " + what + (r.status < 0 ? " timed out" : " failed with status " + std::to_string(r.status)),
                   r.log);
}

}  // namespace wnc::wine
