// Profile faults, made the way they happen: by changing the user's registry hive.
#pragma once

#include <string>

#include "registry.h"
#include "vocabulary/step.h"

namespace wnc::sim {

// unreadable: HKCU\Network denies read access (its entries stay, hidden).
// corrupt: the device's entry, created if absent, loses its RemotePath.
// ok: HKCU\Network is readable again and its corrupt entries are deleted (P-PROFILE-OK).
// Throws std::invalid_argument when a corrupt fault names no device.
void inject_profile_fault(Registry& registry, const std::string& sid,
                          const ProfileFaultStep& fault);

}  // namespace wnc::sim
