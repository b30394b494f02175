// MPR's remembered (persistent) connections: HKCU\Network\<Key> in a user's hive.
#pragma once

#include <string>

#include "mutants.h"
#include "registry.h"
#include "vocabulary/step.h"

namespace wnc::sim {

struct RememberedEntry {
  enum class State { Absent, Corrupt, Healthy };
  State state = State::Absent;
  std::string remote;  // Healthy only: RemotePath as it was given to add
};

// The provider MPR records for entries the LanMan redirector makes.
inline constexpr const char* kProviderName = "Microsoft Windows Network";
inline constexpr std::uint32_t kLanmanProviderType = 0x20000;  // WNNC_NET_LANMAN

class Profile {
 public:
  Profile(Registry& registry, Mutants mutants) : registry_(registry), mutants_(mutants) {}

  // NO_ERROR with the device's entry, or ERROR_CANNOT_OPEN_PROFILE when HKCU\Network
  // cannot be opened. A missing Network key just means nothing is remembered.
  Code read(const std::string& sid, const std::string& device, RememberedEntry* out) const;

  // Only after a read that succeeded: the router never writes a profile it cannot open.
  void remember(const std::string& sid, const std::string& device, const std::string& remote,
                const std::string& user, ResourceType type);
  void forget(const std::string& sid, const std::string& device);

 private:
  Registry& registry_;
  Mutants mutants_;
};

// HKCU\Network, and a device's subkey under it: "Z:" -> "Z", "lpt1:" -> "LPT1" (P-PROFILE-KEY).
std::string network_key(const std::string& sid);
std::string profile_key(const std::string& device);

// An entry is corrupt when RemotePath is missing or not REG_SZ.
bool entry_is_corrupt(const RegKey& entry);

}  // namespace wnc::sim
