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

Env prefix_env(const std::string& dir) {
  return {{"WINEPREFIX", dir},
          {"WINEDEBUG", "-all"},
          // No Mono or Gecko installer prompts during wineboot.
          {"WINEDLLOVERRIDES", "mscoree,mshtml="}};
}

// -k ends the server of this prefix only (and the Wine processes it serves); -w waits until
// it is gone. Both are no-ops when none runs.
void stop_server_of(const std::string& dir) {
  const Env env = prefix_env(dir);
  run_tool({"wineserver", "-k"}, env, dir + "/" + kStopLog, kServerDeadlineMs);
  run_tool({"wineserver", "-w"}, env, dir + "/" + kStopLog, kServerDeadlineMs);
}

}  // namespace

WinePrefix::WinePrefix(const std::string& chosen_dir, const std::string& bin_dir, int deadline_ms)
    : folder_(chosen_dir, default_cache_root(), stop_server_of), env_(prefix_env(folder_.path())) {
  if (fs::exists(dir() + "/system.reg")) stop_server();  // an earlier run's, on a chosen folder
  try {
    build(bin_dir, deadline_ms);
  } catch (...) {
    stop_server();
    throw;
  }
}

void WinePrefix::build(const std::string& bin_dir, int deadline_ms) {
  folder_.clear();
  run({"wineserver", "-p"}, "starting wineserver", kServerDeadlineMs);
  run({"wineboot", "-i"}, "creating the prefix (wineboot -i)", deadline_ms);

  // The mount manager publishes the default z: (Unix /) when it starts; restart the server
  // without that link, or every Z: scenario measures the prefix, not the API. dosdevices/unc
  // is where Wine looks for \\server\share: the provider's shares live there.
  stop_server();
  fs::remove(dir() + "/dosdevices/z:");
  fs::create_directories(dir() + "/dosdevices/unc");
  fs::create_directories(agent_dir());
  for (const char* file : {"wnetconf-agent.exe", "wnetconf-np.dll"})
    fs::copy_file(bin_dir + "/" + file, agent_dir() + "/" + file, fs::copy_options::overwrite_existing);
  std::ofstream(agent_dir() + "/provider.reg") << kProviderReg;
  run({"wineserver", "-p"}, "starting wineserver", kServerDeadlineMs);
  // Also starts Wine's services now, outside any agent's process group.
  run({"wine", "regedit", "/S", "C:\\wnetconf\\provider.reg"}, "registering the provider", deadline_ms);
}

WinePrefix::~WinePrefix() { stop_server(); }

void WinePrefix::stop_server() { stop_server_of(dir()); }

void WinePrefix::run(const std::vector<std::string>& argv, const std::string& what, int deadline_ms) {
  ToolRun r = run_tool(argv, env_, dir() + "/" + kToolLog, deadline_ms);
  if (r.status == 0) return;
  throw SutFailure("wine: " + what + (r.status < 0 ? " timed out" : " failed with status " + std::to_string(r.status)),
                   r.log);
}

}  // namespace wnc::wine
