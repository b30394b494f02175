// What the agent runs on, and what it can therefore really exercise (the hello).
#pragma once

#include <set>
#include <string>

namespace wnc::win {

struct Platform {
  std::string description;  // "Wine 8.0 (…) on Linux 6.1.0", "Windows 10.0.19045"
  bool wine = false;
  bool provider_loaded = false;  // mpr loaded wnetconf-np.dll
};

Platform detect_platform();

// The step kinds and features of sut/capabilities.h this platform supports for real.
std::set<std::string> capabilities(const Platform& platform);

}  // namespace wnc::win
