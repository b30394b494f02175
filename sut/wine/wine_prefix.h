// A fresh WINEPREFIX for one run, in a folder of its own (prefix_folder.h): booted, stripped
// of its z: drive, with wnetconf-np.dll registered as the network provider and one
// persistent wineserver that it stops again.
#pragma once

#include <string>

#include "wine/host_tool.h"
#include "wine/prefix_folder.h"

namespace wnc::wine {

class WinePrefix {
 public:
  // Builds the prefix with the agent and provider from `bin_dir`, in `chosen_dir` or, when
  // that is empty, in a private folder under the user's cache. Throws SutFailure with the
  // failing tool's output, InputError for a chosen folder that cannot be used.
  WinePrefix(const std::string& chosen_dir, const std::string& bin_dir, int deadline_ms);
  ~WinePrefix();  // stops the wineserver it started, and only that one
  WinePrefix(const WinePrefix&) = delete;
  WinePrefix& operator=(const WinePrefix&) = delete;

  // WINEPREFIX and friends, for every process of this prefix.
  const Env& env() const { return env_; }
  const std::string& dir() const { return folder_.path(); }
  // The Unix directory holding wnetconf-agent.exe (C:\wnetconf).
  std::string agent_dir() const { return dir() + "/drive_c/wnetconf"; }

 private:
  void build(const std::string& bin_dir, int deadline_ms);
  void run(const std::vector<std::string>& argv, const std::string& what, int deadline_ms);
  void stop_server();

  PrefixFolder folder_;  // declared first: outlives the wineserver stopped in ~WinePrefix
  Env env_;
};

}  // namespace wnc::wine
