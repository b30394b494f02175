// A fresh WINEPREFIX for one run, in a folder of its own (prefix_folder.h): booted, stripped
// of its z: drive, with wnetconf-np.dll registered as the network provider and one
// persistent wineserver that it stops again.
#pragma once

#include <string>
#include <vector>

#include "wine/host_tool.h"
#include "wine/prefix_folder.h"
#include "wine/wine_tools.h"

namespace wnc::wine {

class WinePrefix {
 public:
  // Builds the prefix with `tools`' Wine and the agent and provider from `bin_dir`, in
  // `chosen_dir` or, when that is empty, in a private folder under the user's cache; each of
  // `dll_overrides` goes to system32, for the agent to load (agent_env). Throws SutFailure
  // with the failing tool's output, InputError for a chosen folder that cannot be used.
  WinePrefix(const std::string& chosen_dir, const std::string& bin_dir, const WineTools& tools,
             const std::vector<std::string>& dll_overrides, int deadline_ms);
  ~WinePrefix();  // stops the wineserver it started, and only that one
  WinePrefix(const WinePrefix&) = delete;
  WinePrefix& operator=(const WinePrefix&) = delete;

  // WINEPREFIX and friends, for every process of this prefix.
  const Env& env() const { return env_; }
  // The agent's: env(), with the DLL overrides loaded native first, and WINEDEBUG set to
  // `debug_channels` unless that is empty.
  Env agent_env(const std::string& debug_channels) const;
  const WineTools& tools() const { return tools_; }
  const std::string& dir() const { return folder_.path(); }
  // The Unix directory holding wnetconf-agent.exe (C:\wnetconf).
  std::string agent_dir() const { return dir() + "/drive_c/wnetconf"; }

 private:
  void build(const std::string& bin_dir, const std::vector<std::string>& dll_overrides, int deadline_ms);
  void run(const std::vector<std::string>& argv, const std::string& what, int deadline_ms);
  void stop_server();

  WineTools tools_;       // declared first: the folder's sweep stops servers with it
  PrefixFolder folder_;  // outlives the wineserver stopped in ~WinePrefix
  Env env_;
  std::string overrides_;  // "mpr,foo": WINEDLLOVERRIDES names of the DLLs put in system32
};

}  // namespace wnc::wine
