// A fresh WINEPREFIX for one run: booted, stripped of its z: drive, with wnetconf-np.dll
// registered as the network provider and one persistent wineserver that it stops again.
#pragma once

#include <string>

#include "wine/host_tool.h"

namespace wnc::wine {

class WinePrefix {
 public:
  // Deletes whatever is at `dir` (stopping a wineserver an earlier run left on it), then
  // builds the prefix there with the agent and provider from `bin_dir`. Throws SutFailure
  // with the failing tool's output.
  WinePrefix(const std::string& dir, const std::string& bin_dir, int deadline_ms);
  ~WinePrefix();  // stops the wineserver it started, and only that one
  WinePrefix(const WinePrefix&) = delete;
  WinePrefix& operator=(const WinePrefix&) = delete;

  // WINEPREFIX and friends, for every process of this prefix.
  const Env& env() const { return env_; }
  // The Unix directory holding wnetconf-agent.exe (C:\wnetconf).
  std::string agent_dir() const { return dir_ + "/drive_c/wnetconf"; }

 private:
  void build(const std::string& bin_dir, int deadline_ms);
  void run(const std::vector<std::string>& argv, const std::string& what, int deadline_ms);
  void stop_server();

  std::string dir_;
  Env env_;
};

}  // namespace wnc::wine
